import { AppError } from '../errors/app-error.ts';

/**
 * Optimistic concurrency (docs/decisions/035-versions-and-idempotency.md): an entity's
 * version is its row's event_id, the id of the last event that changed it. An edit that
 * names the version its editor loaded is refused when the row has moved on since, with
 * the entity as it is now, so the client can show it and let the person decide again.
 * Called in the decide step after the row is locked (FOR UPDATE), so the comparison and
 * the write see the same row. Without an expected version (API clients that do not
 * send one) the edit applies to whatever is current, as before.
 */
export async function assertExpectedVersion(
  expected: string | undefined,
  row: { eventId: string },
  current: () => Promise<unknown>,
): Promise<void> {
  if (expected === undefined || expected === row.eventId) return;
  throw new AppError(
    'VERSION_CONFLICT',
    'Changed by someone else since you loaded it: the latest version is attached; review it and apply your change again.',
    { current: await current(), reason: 'STALE_VERSION' },
  );
}
