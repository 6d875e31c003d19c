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
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 md:px-6">
        <div className="flex min-w-0 items-center gap-4">
          <Link
            to={paths.home}
            className="rounded-md focus-visible:outline-2 focus-visible:outline-teal-700"
          >
            <Logo />
          </Link>
          <span aria-hidden="true" className="h-6 w-px bg-slate-200" />
          <p className="truncate text-sm font-medium text-slate-700">{user.company.name}</p>
        </div>
        <div className="flex items-center gap-4">
          <NotificationBell />
          <Link
            to={paths.profile}
            aria-label={`Your profile: ${user.firstName} ${user.lastName}`}
            className="rounded-md text-right text-sm leading-tight hover:underline focus-visible:outline-2 focus-visible:outline-teal-700"
          >
            <span className="block font-medium text-slate-900">
              {user.firstName} {user.lastName}
            </span>
            <span className="block text-slate-500">{roleLabels[user.role]}</span>
          </Link>
          <LogoutButton />
        </div>
      </div>
    </header>
  );
}
