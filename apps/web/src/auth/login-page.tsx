import { Link } from '../router/link.tsx';
import { paths } from '../router/paths.ts';
import { useSessionStore } from '../session/session-store.ts';
import { AuthLayout } from './auth-layout.tsx';
import { LoginForm } from './login-form.tsx';

/** `company`: the slug of the sign-in link `/c/<slug>` the page was opened from. */
export function LoginPage({ company }: { company?: string | undefined } = {}) {
  const endedNotice = useSessionStore((state) => state.endedNotice);
  return (
    <AuthLayout
      documentTitle="Log in"
      title="Log in to AEGIRA"
      subtitle="Welcome back. Use your company, email and password."
      footer={
        <p>
          New to AEGIRA?{' '}
          <Link
            to={paths.signUp}
            className="font-medium text-teal-700 underline-offset-2 hover:underline"
          >
            Create a company account
          </Link>
        </p>
      }
    >
      {endedNotice && (
        <p
          role="status"
          className="mb-5 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {endedNotice}
        </p>
      )}
      <LoginForm company={company} />
    </AuthLayout>
  );
}
