import type { EventType } from '@aegira/events';

/**
 * One process-wide listener told the types of the events each command stored,
 * after its transaction committed (a rolled-back command tells nothing). The
 * API counts them for /metrics; packages/db stays free of any metrics library.
 */
type CommittedListener = (types: readonly EventType[]) => void;

let listener: CommittedListener | undefined;

export function onEventsCommitted(next: CommittedListener | undefined): void {
  listener = next;
}

export function tellEventsCommitted(types: readonly EventType[]): void {
  if (types.length === 0 || !listener) return;
  try {
    listener(types);
  } catch {
    // Observing must never fail a command that has already committed.
  }
}
