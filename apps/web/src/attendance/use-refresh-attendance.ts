import { useCallback } from 'react';
import { trpc } from '../trpc/trpc.ts';

/**
 * After leave is recorded or cancelled, or a miss excused: the lists, the roster's "today"
 * (on leave, missed) and, for admins, the audit log and timelines. Only what is on screen
 * refetches now.
 */
export function useRefreshAttendance(): () => Promise<void> {
  const utils = trpc.useUtils();
  return useCallback(async () => {
    await Promise.all([
      utils.missedCheckIns.invalidate(),
      utils.leave.invalidate(),
      utils.teams.invalidate(),
      utils.audit.invalidate(),
      utils.events.invalidate(),
    ]);
  }, [utils]);
}
