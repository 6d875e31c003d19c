import { useEffect } from 'react';
import { navigate } from './history.ts';

/** Replaces the current history entry, e.g. /login once signed in. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return null;
}
