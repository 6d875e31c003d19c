import fs from 'node:fs/promises';
import path from 'node:path';
import { isAlive, servesDataDir, stopPid } from './postgres-process.ts';

/** One running postmaster, whoever started it. */
export interface Postmaster {
  pid: number;
  /** Resolves, with a description, once the process has gone. */
  exited: Promise<string>;
  /** Fast shutdown, escalated if it does not end in time. */
  stop(): Promise<void>;
  /** Synchronous, for the 'exit' event, where nothing asynchronous runs any more. */
  kill(): void;
}

export interface SuperviseOptions {
  dataDir: string;
  first: Postmaster;
  /** Start a new postmaster and wait until it accepts connections; throws when it cannot. */
  restart: () => Promise<Postmaster>;
  log: (message: string) => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /**
   * After a clean exit (someone asked it to stop, e.g. `pg_ctl restart`), how long to give
   * that someone to start it again before we do.
   */
  cleanExitGraceMs?: number;
}

export interface Supervisor {
  /** Stops the current postmaster and restarts no more. Idempotent. */
  stop(): Promise<void>;
  kill(): void;
}

/** A postmaster that ran this long before dying was healthy: the next restart starts fast again. */
const HEALTHY_UPTIME_MS = 30_000;

/**
 * Keeps the embedded PostgreSQL running: when the postmaster dies (a crash, `kill -9`, the OOM
 * killer) it is restarted on the same port and data directory with exponential backoff, so the
 * application's pools, which retry on their own, reconnect without a restart of the API. A
 * postmaster that someone else started on our data directory meanwhile is adopted, not fought.
 */
export function supervise(options: SuperviseOptions): Supervisor {
  const minBackoff = options.minBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 8_000;
  const grace = options.cleanExitGraceMs ?? 2_000;
  const { log } = options;
  let current: Postmaster | undefined;
  let stopped = false;
  let backoff = minBackoff;
  let wakeUp: (() => void) | undefined;
  let stopping: Promise<void> | undefined;
  // A restart under way when stop() comes: it stops what it started, and stop() waits for it.
  let recovering: Promise<void> | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const watch = (postmaster: Postmaster) => {
    current = postmaster;
    const startedAt = Date.now();
    void postmaster.exited.then((how) => {
      if (stopped || current !== postmaster) return;
      current = undefined;
      if (Date.now() - startedAt >= HEALTHY_UPTIME_MS) backoff = minBackoff;
      log(`PostgreSQL (pid ${postmaster.pid}) ${how}; restarting it`);
      recovering = recover(how.includes('code 0'));
    });
  };

  const recover = async (cleanExit: boolean) => {
    const downSince = Date.now();
    let wait = cleanExit ? Math.max(grace, backoff) : backoff;
    while (!stopped) {
      await pause(wait);
      if (stopped) return;
      try {
        const adopted = await adoptRunning(options.dataDir);
        const next = adopted ?? (await options.restart());
        if (stopped) {
          await next.stop();
          return;
        }
        log(
          `PostgreSQL ${adopted ? 'was started again by another process' : 'restarted'} (pid ${next.pid}) after ${Date.now() - downSince} ms`,
        );
        watch(next);
        return;
      } catch (error) {
        wait = backoff;
        backoff = Math.min(maxBackoff, backoff * 2);
        log(`PostgreSQL did not restart (${firstLine(error)}); trying again in ${wait} ms`);
      }
    }
  };

  watch(options.first);
  return {
    stop: () => {
      stopping ??= (async () => {
        stopped = true;
        wakeUp?.();
        await recovering;
        await current?.stop();
      })();
      return stopping;
    },
    kill: () => {
      stopped = true;
      current?.kill();
    },
  };
}

/** The postmaster named by `dataDir`'s lock file when it is alive and serves `dataDir`. */
async function adoptRunning(dataDir: string): Promise<Postmaster | undefined> {
  const text = await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  if (!(await servesDataDir(pid, dataDir))) return undefined;
  return {
    pid,
    // Not our child: no 'exit' event, so poll.
    exited: new Promise((resolve) => {
      const poll = setInterval(() => {
        if (isAlive(pid)) return;
        clearInterval(poll);
        resolve('exited');
      }, 250);
      poll.unref();
    }),
    stop: () => stopPid(pid),
    kill: () => {
      if (isAlive(pid)) process.kill(pid, 'SIGINT');
    },
  };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim().length > 0) ?? text;
}
