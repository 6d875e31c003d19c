import { useMutation } from '@tanstack/react-query';
import { useApplySession } from '../session/use-session.ts';
import { errorCode, errorMessage } from '../trpc/errors.ts';
import { procedureMutation } from '../trpc/first-page-client.ts';
import { Button } from '../ui/button.tsx';

export function LogoutButton() {
  const applySession = useApplySession();
  const logout = useMutation({
    ...procedureMutation('auth.logout'),
    onSuccess: () => applySession(null),
    onError: (error) => {
      // The session is already gone (expired or revoked): finish signing out here too.
      if (errorCode(error) === 'UNAUTHORIZED') applySession(null);
    },
  });
  return (
    <div className="relative">
      <Button
        variant="secondary"
        pending={logout.isPending}
        onClick={() => logout.mutate(undefined)}
      >
        Log out
      </Button>
      {logout.isError && errorCode(logout.error) !== 'UNAUTHORIZED' && (
        <p
          role="alert"
          className="absolute top-full right-0 z-10 mt-2 w-64 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 shadow"
        >
          Could not log out. {errorMessage(logout.error)}
        </p>
      )}
    </div>
  );
}
