import { useEffect } from 'react';
import { companyOfSignInPath, rememberCompany } from '../auth/company-memory.ts';
import { LoginPage } from '../auth/login-page.tsx';
import { NotFoundPage } from '../not-found/not-found-page.tsx';
import { usePathname } from '../router/history.ts';
import { paths } from '../router/paths.ts';
import { Redirect } from '../router/redirect.tsx';
import { AppShell } from '../shell/app-shell.tsx';
import { LazyArea, lazyPage } from '../shell/lazy-area.tsx';
import { isAppPath } from '../shell/nav-items.ts';
import { errorMessage } from '../trpc/errors.ts';
import { FullPageError } from '../ui/full-page-error.tsx';
import { FullPageLoading } from '../ui/full-page-loading.tsx';
import { useSessionStore } from './session-store.ts';
import { useSessionQuery } from './use-session.ts';

// Screens few visits need are fetched when shown: sign-up (once per company) and the
// forced password change (once per admin-set password), keeping the first page small.
const SignUpPage = lazyPage(
  () => import('../auth/sign-up-page.tsx'),
  (m) => m.SignUpPage,
);
const ChangePasswordScreen = lazyPage(
  () => import('../profile/change-password-screen.tsx'),
  (m) => m.ChangePasswordScreen,
);

/** Asks the server who is signed in, then shows the public pages or the app shell. */
export function SessionGate() {
  const me = useSessionQuery();
  const status = useSessionStore((state) => state.status);
  const path = usePathname();
  // A company's sign-in link: remembered for the login form (a plain, non-secret cookie).
  const linkCompany = companyOfSignInPath(path);
  useEffect(() => {
    if (linkCompany) rememberCompany(linkCompany);
  }, [linkCompany]);

  if (status === 'unknown') {
    if (me.isError) {
      return (
        <FullPageError
          title="We could not load AEGIRA"
          message={errorMessage(me.error)}
          onRetry={() => void me.refetch()}
          retrying={me.isFetching}
        />
      );
    }
    return <FullPageLoading label="Loading AEGIRA…" />;
  }

  if (status === 'signed-in') {
    if (path === paths.login || path === paths.signUp || linkCompany) {
      return <Redirect to={paths.home} />;
    }
    // An admin-set or one-time password: nothing else until it is changed (the server agrees).
    if (me.data?.user?.mustChangePassword) {
      return (
        <LazyArea label="Loading…">
          <ChangePasswordScreen />
        </LazyArea>
      );
    }
    return <AppShell />;
  }

  if (path === paths.login) return <LoginPage />;
  if (linkCompany) return <LoginPage company={linkCompany} />;
  if (path === paths.signUp) {
    return (
      <LazyArea label="Loading the sign-up form…">
        <SignUpPage />
      </LazyArea>
    );
  }
  if (isAppPath(path)) return <Redirect to={paths.login} />;
  return <NotFoundPage standalone homePath={paths.login} homeLabel="Go to the login page" />;
}
