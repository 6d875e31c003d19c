import type pg from 'pg';
import type { AnyStoredEvent } from '../stored-event.ts';
import { breatheIfDue } from './breathe.ts';
import {
  type BulkValidation,
  openBulkTarget,
  prepareBatch,
  storeEntries,
  writeBatch,
} from './bulk-append.ts';
import type { SeededCompany } from './company.ts';
import {
  addCounts,
  type HistoryCounts,
  type HistoryDay,
  historyDays,
  type SeedHistoryOptions,
} from './history.ts';

/** Events per transaction: large enough to amortise a transaction, small enough to stay linear. */
export const BULK_BATCH = 50_000;
/** The first batch's size (events); each next one is twice as large, up to the batch size. */
const FIRST_BATCH = 4_000;

export interface BulkHistoryOptions extends Omit<SeedHistoryOptions, 'onProgress'> {
  /**
   * Events per transaction (whole days: a batch ends on the first day that reaches it); the
   * first batches are smaller, from 4,000 events doubling up to this.
   */
  batchSize?: number;
  validation?: BulkValidation;
  /** After each committed batch: the day reached and the totals so far. */
  onProgress?: (progress: { date: string } & HistoryCounts) => void;
  /** Seconds spent per step, summed over the batches: preparing in Node, each write in the database. */
  phases?: Record<string, number>;
}

/**
 * The same history as seedHistory (historyDays: the same events for the same seed), written
 * in bulk for a large company (decision 037): batches of whole days, one transaction each,
 * holding exactly what the write path would write for them, sent with COPY. While the
 * database writes one batch, the next is generated, validated, folded and turned into COPY
 * text, so the two cores work side by side. `owner` must be the owner's connection (COPY
 * into tables under row-level security) and is used for nothing else meanwhile.
 */
export async function bulkSeedHistory(
  owner: pg.Client,
  company: SeededCompany,
  options: BulkHistoryOptions,
): Promise<HistoryCounts> {
  const batchSize = options.batchSize ?? BULK_BATCH;
  const validation = options.validation ?? { every: 64 };
  const target = await openBulkTarget(owner, company.companyId);
  const total: HistoryCounts = { checkIns: 0, late: 0, misses: 0, alerts: 0, events: 0 };
  const add = (phases: Record<string, number>) => {
    if (!options.phases) return;
    for (const [name, seconds] of Object.entries(phases)) {
      options.phases[name] = (options.phases[name] ?? 0) + seconds;
    }
  };
  let writing: Promise<void> = Promise.resolve();
  // A failed write is awaited (and thrown) before the next one; never unhandled meanwhile.
  writing.catch(() => undefined);

  const send = async (days: HistoryDay[]) => {
    const last = days.at(-1);
    if (!last) return;
    const started = performance.now();
    const events: AnyStoredEvent[] = [];
    for (const day of days) {
      // Day by day, so the running COPY keeps being fed (each type's first event of a day is
      // validated).
      for (const stored of storeEntries(company.companyId, day.entries, validation)) {
        events.push(stored);
      }
      await breatheIfDue();
    }
    // Rows of earlier batches (if any) are read once those batches are committed.
    const prepared = await prepareBatch(target, events, () => writing);
    add({ prepare: (performance.now() - started) / 1000 });
    await writing;
    const counts: HistoryCounts = { checkIns: 0, late: 0, misses: 0, alerts: 0, events: 0 };
    for (const day of days) addCounts(counts, day);
    writing = writeBatch(target, prepared).then((phases) => {
      add(phases);
      addCounts(total, counts);
      options.onProgress?.({ date: last.date, ...total });
    });
    writing.catch(() => undefined);
  };

  let days: HistoryDay[] = [];
  let pending = 0;
  // The first batches are small and each twice the last, up to batchSize: the database starts
  // writing after a few days are prepared instead of a whole batch (nothing overlaps the
  // first batch's preparation), and later batches amortise their fixed cost (key checks of
  // every person, the notifications statement, COMMIT).
  let nextSize = Math.min(batchSize, FIRST_BATCH);
  for (const day of historyDays(company, options)) {
    days.push(day);
    pending += day.events;
    if (pending >= nextSize) {
      await send(days);
      days = [];
      pending = 0;
      nextSize = Math.min(batchSize, nextSize * 2);
    }
    await breatheIfDue();
  }
  await send(days);
  await writing;
  return total;
}
