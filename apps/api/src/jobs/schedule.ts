import type PgBoss from 'pg-boss';

/**
 * The fan-out runs every minute: as often as the most frequent per-company job (alert
 * escalation, due 60 minutes after an alert). Each job is then deduplicated per slot of its
 * own length, so the 5-minute jobs still run once per 5 minutes however often it fans out.
 */
export const FAN_OUT_CRON = '* * * * *';

/** The fan-out's own slot: one per cron period, whoever sends it. */
export const FAN_OUT_SLOT_SECONDS = 60;

/**
 * The default slot of a per-company job: 5 minutes (product.md: a miss within 5 minutes of the
 * buffer), aligned to the epoch like the cron, so any number of fan-outs in one slot send each
 * company one job of each kind.
 */
export const SLOT_SECONDS = 5 * 60;

/** A failed run is retried twice, 5 s later, before the next slot tries again anyway. */
const RETRIES: Pick<PgBoss.SendOptions, 'retryLimit' | 'retryDelay' | 'retryBackoff'> = {
  retryLimit: 2,
  retryDelay: 5,
  retryBackoff: false,
};

/** Options of every job the scheduler sends: one per slot and key, retried on failure. */
export function slotOptions(singletonKey: string, slotSeconds: number = SLOT_SECONDS) {
  return { ...RETRIES, singletonKey, singletonSeconds: slotSeconds };
}

/** The fan-out's key: one fan-out per slot, whoever sends it. */
const FAN_OUT_KEY = 'all-companies';

/**
 * Puts the fan-out on pg-boss's cron (an upsert, so every instance may do it) and sends one
 * now: after a deploy or downtime, detection need not wait for the next tick. Both are
 * deduplicated per slot, so three instances starting together enqueue one fan-out.
 */
export async function scheduleFanOut(boss: PgBoss, queue: string): Promise<void> {
  const options = slotOptions(FAN_OUT_KEY, FAN_OUT_SLOT_SECONDS);
  await boss.schedule(queue, FAN_OUT_CRON, {}, { ...options, tz: 'UTC' });
  await boss.send(queue, {}, options);
}
