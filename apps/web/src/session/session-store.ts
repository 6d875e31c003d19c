import { create } from 'zustand';
import type { SessionUser } from '../trpc/types.ts';

// Only the signed-in person's summary, for rendering. The session itself lives in an
// httpOnly cookie this code cannot read; nothing here is persisted.
type SessionState = {
  status: 'unknown' | 'signed-in' | 'signed-out';
  user: SessionUser | null;
  setUser: (user: SessionUser | null) => void;
};

export const useSessionStore = create<SessionState>()((set) => ({
  status: 'unknown',
  user: null,
  setUser: (user) => set({ user, status: user ? 'signed-in' : 'signed-out' }),
}));

/** The signed-in person; only for components rendered inside the signed-in shell. */
export function useSignedInUser(): SessionUser {
  const user = useSessionStore((state) => state.user);
  if (user === null) throw new Error('useSignedInUser() used outside the signed-in shell');
  return user;
}
