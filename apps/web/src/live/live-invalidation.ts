import type { LiveUpdateOutput } from '@aegira/api';

/** One update of `live.updates`. */
export type LiveUpdate = LiveUpdateOutput;

/**
 * The API areas whose cached reads a live update makes stale. Invalidating
 * refetches only the queries on screen, so naming every area that shows a
 * roster or a worker's day costs nothing for the pages that are closed.
 */
const ROSTER_AREAS = ['teams', 'missedCheckIns', 'leave', 'checkIn', 'alerts', 'people'];
const NOTIFICATION_AREAS = ['notifications'];

/** The areas to re-read for an update; null means every cached read (messages were missed). */
export function areasToRefresh(update: LiveUpdate): readonly string[] | null {
  switch (update.kind) {
    case 'roster':
      return ROSTER_AREAS;
    case 'notification':
      return NOTIFICATION_AREAS;
    case 'resync':
      return null;
    default: {
      const unreachable: never = update;
      return unreachable;
    }
  }
}

/** Whether a tRPC query key (`[['teams', 'get'], { input, type }]`) belongs to one of `areas`. */
export function isQueryOfAreas(queryKey: readonly unknown[], areas: readonly string[]): boolean {
  const [path] = queryKey;
  return Array.isArray(path) && typeof path[0] === 'string' && areas.includes(path[0]);
}

/** Next wait before re-opening a failed stream: doubling from 1 s, at most 30 s. */
export function reconnectDelayMs(failures: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, failures - 1));
}
