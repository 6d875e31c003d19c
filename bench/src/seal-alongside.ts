import { auditChain, type Db } from '@aegira/db';

/** What sealing a company's log alongside its bulk seed did. */
export interface SealingResult {
  events: number;
  /** Seconds spent sealing (all runs together), and the events sealed per such second. */
  seconds: number;
  perSecond: number;
  /** Seconds from the end of the seed until its last event was sealed. */
  afterSeedSeconds: number;
}

export interface SealingAlongside {
  /** Stops the runs once the current one ends, seals what is left, and reports. */
  finish(): Promise<SealingResult>;
}

/**
 * The sealing job's own work (decision 016) on a company while its history is written: runs of
 * sealCompanyLog one after another, each sealing every batch committed so far, as the product's
 * job does beside live writes (it runs every minute; here without a pause, to keep up with
 * the seed). Sealing is mostly Node's work and the seed mostly the database's, so side by side
 * they share the machine's two cores instead of taking turns.
 */
export function sealAlongside(db: Db, companyId: string): SealingAlongside {
  let events = 0;
  let busyMs = 0;
  let stopping = false;
  const runOnce = async () => {
    const started = performance.now();
    const { sealed } = await auditChain.sealCompanyLog(db, companyId);
    busyMs += performance.now() - started;
    events += sealed;
    return sealed;
  };
  const loop = (async () => {
    while (!stopping) {
      // Nothing committed yet (or all sealed): wait a little rather than spin on the lock.
      if ((await runOnce()) === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  // A failed run is thrown by finish(); until then it must not count as unhandled.
  loop.catch(() => undefined);
  return {
    async finish() {
      const seedEnded = performance.now();
      stopping = true;
      await loop;
      await runOnce();
      const seconds = busyMs / 1000;
      return {
        events,
        seconds: Math.round(seconds),
        perSecond: Math.round(events / Math.max(seconds, 0.001)),
        afterSeedSeconds: Math.round((performance.now() - seedEnded) / 100) / 10,
      };
    },
  };
}
