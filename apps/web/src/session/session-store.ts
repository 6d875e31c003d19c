import { create } from 'zustand';
import type { SessionUser } from '../trpc/types.ts';

// Only the signed-in person's summary, for rendering. The session itself lives in an
// httpOnly cookie this code cannot read; nothing here is persisted.
type SessionState = {
  status: 'unknown' | 'signed-in' | 'signed-out';
  user: SessionUser | null;
  /** Why the last session ended without a logout (deactivated, revoked), for the login page. */
  endedNotice: string | null;
  setUser: (user: SessionUser | null) => void;
  /** The server ended the session under an open page (deactivation, revocation, expiry). */
  sessionEnded: () => void;
};

/** What the login page says when a session ended under an open page. */
export const SESSION_ENDED_NOTICE = 'Your session has ended. Please log in again.';

export const useSessionStore = create<SessionState>()((set) => ({
  status: 'unknown',
  user: null,
  endedNotice: null,
  setUser: (user) =>
    set((state) => ({
      user,
      status: user ? 'signed-in' : 'signed-out',
      endedNotice: user ? null : state.endedNotice,
    })),
  sessionEnded: () => set({ user: null, status: 'signed-out', endedNotice: SESSION_ENDED_NOTICE }),
}));

/** The signed-in person; only for components rendered inside the signed-in shell. */
export function useSignedInUser(): SessionUser {
  const user = useSessionStore((state) => state.user);
  if (user === null) throw new Error('useSignedInUser() used outside the signed-in shell');
  return user;
}
