import type { EventType } from '@aegira/events';
import type { ReadTx } from '../client.ts';
import { readStoredPayload } from '../replay.ts';
import { keyRingFor } from './person-keys.ts';

/** A log row as readers select it (Prisma's `event` model has these fields). */
export interface StoredPayloadRow {
  id: string;
  type: EventType;
  schemaVersion: number;
  payload: unknown;
}

/**
 * Log rows with their payloads made readable, in the caller's company-bound transaction: sealed
 * fields opened with their people's keys (one query for all), then upcast to the current
 * version; `erased` where the key was destroyed (sensitive fields null; decision 039).
 */
export async function readStoredPayloads<Row extends StoredPayloadRow>(
  read: ReadTx,
  rows: readonly Row[],
): Promise<Array<Row & { erased: boolean }>> {
  const keys = await keyRingFor(
    read,
    rows.map((row) => row.payload),
  );
  return rows.map((row) => ({ ...row, ...readStoredPayload(row, keys) }));
}
