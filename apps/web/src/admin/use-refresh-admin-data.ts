import { useCallback } from 'react';
import { trpc } from '../trpc/trpc.ts';

/**
 * After an admin change, everything it can show up in: lists, details, pickers, the
 * audit log and event timelines. Only queries on screen refetch now; the rest when next shown.
 */
export function useRefreshAdminData(): () => Promise<void> {
  const utils = trpc.useUtils();
  return useCallback(async () => {
    await Promise.all([
      utils.people.invalidate(),
      utils.teams.invalidate(),
      utils.holidays.invalidate(),
      utils.company.invalidate(),
      utils.audit.invalidate(),
      utils.events.invalidate(),
    ]);
  }, [utils]);
}
