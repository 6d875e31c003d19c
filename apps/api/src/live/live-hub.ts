import type { LiveMessage } from '@aegira/db';
import { liveSubscriptions } from '../http/metrics.ts';
import { type LiveUpdate, type LiveViewer, updateFor } from './delivery.ts';

/**
 * Updates waiting for a browser that reads slowly are capped: past this many,
 * they are replaced by one `resync` (re-read everything), so a stalled stream
 * holds a few kilobytes, not an unbounded queue.
 */
const MAX_PENDING = 100;

/** What `take` gives: an update, nothing within the wait, or the end of the stream. */
export type Taken = LiveUpdate | 'idle' | 'closed';

/** One open live stream on this instance. */
export class LiveSubscription {
  private pending: LiveUpdate[] = [];
  private wake: (() => void) | null = null;
  private closed = false;

  constructor(
    readonly viewer: LiveViewer,
    private readonly onClose: (subscription: LiveSubscription) => void,
  ) {}

  push(update: LiveUpdate): void {
    if (this.closed) return;
    if (this.pending.length >= MAX_PENDING) this.pending = [{ kind: 'resync' }];
    else this.pending.push(update);
    this.wake?.();
  }

  /** The next update, waiting at most `waitMs` ('idle') or until `signal` aborts ('closed'). */
  async take(signal: AbortSignal, waitMs: number): Promise<Taken> {
    const ready = this.pending.shift();
    if (ready) return ready;
    if (this.closed || signal.aborted) return 'closed';
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      signal.addEventListener('abort', done, { once: true });
      this.wake = done;
    });
    return this.pending.shift() ?? (this.closed || signal.aborted ? 'closed' : 'idle');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending = [];
    this.wake?.();
    this.onClose(this);
  }
}

/**
 * This instance's live streams, by company, and the fan-out of every message
 * its listener hears (packages/db's startLiveListener) to the streams it is for.
 */
export class LiveHub {
  private readonly byCompany = new Map<string, Set<LiveSubscription>>();
  private count = 0;

  subscribe(viewer: LiveViewer): LiveSubscription {
    const subscription = new LiveSubscription(viewer, (closed) => this.remove(closed));
    let streams = this.byCompany.get(viewer.companyId);
    if (!streams) {
      streams = new Set();
      this.byCompany.set(viewer.companyId, streams);
    }
    streams.add(subscription);
    this.count += 1;
    liveSubscriptions.inc();
    return subscription;
  }

  /** A message from the channel: each stream of its company gets what is for it. */
  publish(message: LiveMessage): void {
    const streams = this.byCompany.get(message.companyId);
    if (!streams) return;
    for (const subscription of streams) {
      const update = updateFor(message, subscription.viewer);
      if (update) subscription.push(update);
    }
  }

  /** Messages may have been missed (the listener reconnected): every stream re-reads. */
  resyncAll(): void {
    for (const streams of this.byCompany.values()) {
      for (const subscription of streams) subscription.push({ kind: 'resync' });
    }
  }

  /** Streams open on this instance. */
  get size(): number {
    return this.count;
  }

  /** Ends every stream (shutdown). */
  closeAll(): void {
    for (const streams of [...this.byCompany.values()]) {
      for (const subscription of [...streams]) subscription.close();
    }
  }

  private remove(subscription: LiveSubscription): void {
    const streams = this.byCompany.get(subscription.viewer.companyId);
    if (!streams?.delete(subscription)) return;
    if (streams.size === 0) this.byCompany.delete(subscription.viewer.companyId);
    this.count -= 1;
    liveSubscriptions.dec();
  }
}
