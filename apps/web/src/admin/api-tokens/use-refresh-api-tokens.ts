import { useCallback } from 'react';
import { trpc } from '../../trpc/trpc.ts';

/**
 * After a token is created or revoked: the token list, and the audit log and event
 * timelines that record it. Only queries on screen refetch now; the rest when next shown.
 */
export function useRefreshApiTokens(): () => Promise<void> {
  const utils = trpc.useUtils();
  return useCallback(async () => {
    await Promise.all([
      utils.apiTokens.list.invalidate(),
      utils.audit.invalidate(),
      utils.events.invalidate(),
    ]);
  }, [utils]);
}
