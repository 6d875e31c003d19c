import { useSignedInUser } from '../session/session-store.ts';
import { LogoutButton } from '../shell/logout-button.tsx';
import { trpc } from '../trpc/trpc.ts';
import { Logo } from '../ui/logo.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';

/**
 * Shown instead of the app to someone signed in with an admin-set or one-time password
 * (the server refuses everything else until then, PASSWORD_CHANGE_REQUIRED).
 */
export function ChangePasswordScreen() {
  const user = useSignedInUser();
  const utils = trpc.useUtils();
  return (
    <div className="flex min-h-full items-start justify-center px-4 py-12">
      <main className="w-full max-w-md space-y-6">
        <div className="flex items-center justify-between">
          <Logo />
          <LogoutButton />
        </div>
        <div className="space-y-2">
          <PageHeading title="Choose a new password">Choose a new password</PageHeading>
          <p className="text-slate-600">
            Hello {user.firstName}. Your password was set by an administrator of {user.company.name}
            . Choose your own before you continue.
          </p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <ChangePasswordForm
            currentLabel="Password you were given"
            submitLabel="Save and continue"
            // auth.me then says no change is needed, and the app opens.
            onChanged={() => utils.auth.me.invalidate()}
          />
        </div>
      </main>
    </div>
  );
}
