import type { Db } from './client.ts';

/**
 * A bulkhead per company on the write path (decision 041): at most `slots` write
 * transactions of one company run at once in this process; the company's other writes wait
 * here, in arrival order, without holding a pooled connection. A company flooding writes
 * then occupies a few PostgreSQL backends, not the whole pool, and other companies' requests
 * still find connections and CPU (resilience case LD-5). A write that finds no free slot
 * within `maxWaitMs` fails as "busy" (a 503 with Retry-After), like a full pool.
 */
export interface CompanyWriteSlotsOptions {
  /** Concurrent write transactions per company; Infinity turns the bulkhead off (batch scripts). */
  slots: number;
  /** Longest wait for a slot, in milliseconds. */
  maxWaitMs: number;
}

/** Four transactions keep two cores busy; more only make one company's writes queue in PostgreSQL. */
export const DEFAULT_COMPANY_WRITE_SLOTS = 4;

/** No slot came free in time: the company's writes are saturated; the client should retry. */
export class CompanyWritesBusyError extends Error {
  constructor(waitedMs: number) {
    super(`No write slot of the company came free within ${waitedMs} ms`);
    this.name = 'CompanyWritesBusyError';
  }
}

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout;
}

class CompanyQueue {
  running = 0;
  readonly waiting: Waiter[] = [];
}

export class CompanyWriteSlots {
  private readonly companies = new Map<string, CompanyQueue>();

  constructor(private readonly options: CompanyWriteSlotsOptions) {}

  /** Runs `work` in one of the company's slots, waiting for one if all are taken. */
  async run<T>(companyId: string, work: () => Promise<T>): Promise<T> {
    if (!Number.isFinite(this.options.slots)) return work();
    const queue = this.queueOf(companyId);
    if (queue.running < this.options.slots) queue.running += 1;
    else await this.wait(queue);
    try {
      return await work();
    } finally {
      this.release(companyId, queue);
    }
  }

  /** Writes of `companyId` running now and waiting (tests, metrics). */
  load(companyId: string): { running: number; waiting: number } {
    const queue = this.companies.get(companyId);
    return { running: queue?.running ?? 0, waiting: queue?.waiting.length ?? 0 };
  }

  private queueOf(companyId: string): CompanyQueue {
    let queue = this.companies.get(companyId);
    if (!queue) {
      queue = new CompanyQueue();
      this.companies.set(companyId, queue);
    }
    return queue;
  }

  private wait(queue: CompanyQueue): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        // The releasing write hands its slot over: `running` stays as it is.
        grant: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const at = queue.waiting.indexOf(waiter);
          if (at >= 0) queue.waiting.splice(at, 1);
          reject(new CompanyWritesBusyError(this.options.maxWaitMs));
        }, this.options.maxWaitMs),
      };
      queue.waiting.push(waiter);
    });
  }

  private release(companyId: string, queue: CompanyQueue): void {
    const next = queue.waiting.shift();
    if (next) {
      next.grant();
      return;
    }
    queue.running -= 1;
    // An idle company keeps no entry: the map holds only companies writing now.
    if (queue.running === 0) this.companies.delete(companyId);
  }
}

const registered = new WeakMap<Db, CompanyWriteSlots>();

/** Gives `db` its bulkhead (createDb does, once per client). */
export function setCompanyWriteSlots(db: Db, options: CompanyWriteSlotsOptions): void {
  registered.set(db, new CompanyWriteSlots(options));
}

/** The bulkhead of `db`; a client made elsewhere (none registered) writes without one. */
export function companyWriteSlotsOf(db: Db): CompanyWriteSlots | undefined {
  return registered.get(db);
}
