import { useCallback } from 'react';
import { trpc } from '../trpc/trpc.ts';

/**
 * After a submit or an amendment every check-in answer on screen may be stale: today's
 * status (home, check-in page), today's row, the history list and chart, and the
 * versions of today's check-in. Resolves once the visible ones have been read again.
 */
export function useRefreshCheckIns(): () => Promise<void> {
  const utils = trpc.useUtils();
  return useCallback(async () => {
    await Promise.all([
      utils.checkIn.status.invalidate(),
      utils.checkIn.today.invalidate(),
      utils.checkIn.history.invalidate(),
      utils.checkIn.get.invalidate(),
    ]);
  }, [utils]);
}
