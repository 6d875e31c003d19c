import { NotificationBell } from '../notifications/notification-bell.tsx';
import { Link } from '../router/link.tsx';
import { paths } from '../router/paths.ts';
import { useSignedInUser } from '../session/session-store.ts';
import { Logo } from '../ui/logo.tsx';
import { LogoutButton } from './logout-button.tsx';
import { roleLabels } from './nav-items.ts';

export function AppHeader() {
  const user = useSignedInUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* One row at every width: narrow screens drop the company name and show initials. */}
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 sm:gap-6 md:px-6">
        <div className="flex min-w-0 items-center gap-4">
          <Link
            to={paths.home}
            className="rounded-md focus-visible:outline-2 focus-visible:outline-teal-700"
          >
            <Logo />
          </Link>
          <span aria-hidden="true" className="hidden h-6 w-px bg-slate-200 sm:block" />
          <p className="hidden truncate text-sm font-medium text-slate-700 sm:block">
            {user.company.name}
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-2 sm:gap-4">
          <NotificationBell />
          {/* Named by its text (what a voice user says): the name and role, read in full
              even on narrow screens, where only the initials show. */}
          <Link
            to={paths.profile}
            className="flex items-center rounded-md text-right text-sm leading-tight hover:underline focus-visible:outline-2 focus-visible:outline-teal-700"
          >
            <span
              aria-hidden="true"
              className="flex size-9 items-center justify-center rounded-full bg-teal-50 font-semibold text-teal-800 sm:hidden"
            >
              {user.firstName.charAt(0)}
              {user.lastName.charAt(0)}
            </span>
            <span className="sr-only sm:not-sr-only sm:block">
              <span className="sr-only">Your profile: </span>
              <span className="block font-medium text-slate-900">
                {user.firstName} {user.lastName}
              </span>
              <span className="block text-slate-600">{roleLabels[user.role]}</span>
            </span>
          </Link>
          <LogoutButton />
        </div>
      </div>
    </header>
  );
}
