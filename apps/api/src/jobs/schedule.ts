import type PgBoss from 'pg-boss';

/** The fan-out runs every 5 minutes (product.md: a miss within 5 minutes of the buffer). */
const SLOT_MINUTES = 5;
export const FAN_OUT_CRON = `*/${SLOT_MINUTES} * * * *`;

/**
 * Jobs are deduplicated per slot of this length (pg-boss's singleton slots, aligned to the
 * epoch like the cron): any number of fan-outs in one slot send each company one job of each
 * kind. Equal to the cron's period, so every tick opens a new slot.
 */
export const SLOT_SECONDS = SLOT_MINUTES * 60;

/** A failed run is retried twice, 5 s later, before the next slot tries again anyway. */
const RETRIES: Pick<PgBoss.SendOptions, 'retryLimit' | 'retryDelay' | 'retryBackoff'> = {
  retryLimit: 2,
  retryDelay: 5,
  retryBackoff: false,
};

/** Options of every job the scheduler sends: one per slot and key, retried on failure. */
export function slotOptions(singletonKey: string) {
  return { ...RETRIES, singletonKey, singletonSeconds: SLOT_SECONDS };
}

/** The fan-out's key: one fan-out per slot, whoever sends it. */
const FAN_OUT_KEY = 'all-companies';

/**
 * Puts the fan-out on pg-boss's cron (an upsert, so every instance may do it) and sends one
 * now: after a deploy or downtime, detection need not wait for the next tick. Both are
 * deduplicated per slot, so three instances starting together enqueue one fan-out.
 */
export async function scheduleFanOut(boss: PgBoss, queue: string): Promise<void> {
  await boss.schedule(queue, FAN_OUT_CRON, {}, { ...slotOptions(FAN_OUT_KEY), tz: 'UTC' });
  await boss.send(queue, {}, slotOptions(FAN_OUT_KEY));
}
