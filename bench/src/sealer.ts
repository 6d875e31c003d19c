import { fork } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { auditChain, BATCH_DB_OPTIONS, createDb } from '@aegira/db';

// The sealing job's work on P2's company while the bulk seed writes it, in a process of its
// own. The seed keeps one Node thread and one PostgreSQL backend busy most of the time, and
// sealing needs both kinds of work too: one after the other the bench waited for each in
// turn with a core often idle; side by side they share the two cores. In one Node thread with
// the seed (tried on 2026-12-02) the seed's preparation and the hashing queued behind each
// other and nothing was gained.

/** What the parent sends when the seed is done: seal what is left, report, exit. */
const FINISH = 'finish';

export interface SealingResult {
  /** Every event of the company, sealed by the end. */
  events: number;
  /** How many of them were sealed while the seed was still writing. */
  alongside: number;
  /** From the seed's end (statistics included) until the log was wholly sealed. */
  secondsAfterSeed: number;
  /** Events per second over the runs that sealed something, sharing the cores with the seed. */
  busyPerSecond: number;
}

interface Report {
  sealed: number;
  alongside: number;
  busyMs: number;
}

/** Starts sealing `companyId` beside whatever the caller does next; `finish` ends it. */
export function sealAlongside(appUrl: string, companyId: string) {
  // The same Node flags (tsx's loader) as this process.
  const child = fork(new URL(import.meta.url), [], {
    env: { ...process.env, BENCH_SEALER_APP_URL: appUrl, BENCH_SEALER_COMPANY: companyId },
  });
  const exited = once(child, 'exit').then(([code, signal]) => {
    throw new Error(`The sealer stopped before it reported (${signal ?? `code ${code}`})`);
  });
  exited.catch(() => undefined);
  const reported = once(child, 'message').then(([message]) => message as Report);
  return {
    async finish(): Promise<SealingResult> {
      const started = performance.now();
      child.send(FINISH);
      const report = await Promise.race([reported, exited]);
      await once(child, 'exit');
      return {
        events: report.sealed,
        alongside: report.alongside,
        secondsAfterSeed: Math.round((performance.now() - started) / 100) / 10,
        busyPerSecond: Math.round(report.sealed / (report.busyMs / 1000)),
      };
    },
    stop: () => child.kill(),
  };
}

/** The child: seals the company run after run until told to finish. */
async function runSealer(appUrl: string, companyId: string) {
  const send = process.send?.bind(process);
  if (!send) throw new Error('The sealer runs as a child of the bench');
  let finishing = false;
  process.on('message', (message) => {
    if (message === FINISH) finishing = true;
  });
  // The bench is gone (it failed or was stopped): nobody waits for the rest.
  process.on('disconnect', () => {
    if (!finishing) process.exit(1);
  });
  const db = createDb(appUrl, BATCH_DB_OPTIONS);
  let sealed = 0;
  let alongside = 0;
  let busyMs = 0;
  try {
    for (;;) {
      // Read before the run: a run that began after the seed ended has seen all its events.
      const last = finishing;
      const started = performance.now();
      const run = await auditChain.sealCompanyLog(db, companyId);
      if (run.sealed > 0) busyMs += performance.now() - started;
      sealed += run.sealed;
      if (!last) alongside += run.sealed;
      if (last) break;
      if (run.sealed === 0) await sleep(200);
    }
  } finally {
    await db.$disconnect();
  }
  send({ sealed, alongside, busyMs } satisfies Report, () => process.disconnect());
}

const appUrl = process.env.BENCH_SEALER_APP_URL;
const companyId = process.env.BENCH_SEALER_COMPANY;
if (process.send && appUrl && companyId) {
  runSealer(appUrl, companyId).catch((error: unknown) => {
    process.stderr.write(
      `sealer failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}
