import { AppError } from '../../errors/app-error.ts';
import type { LiveUpdate, LiveViewer } from '../../live/delivery.ts';
import type { LiveHub } from '../../live/live-hub.ts';

export interface LiveStreamOptions {
  hub: LiveHub;
  viewer: LiveViewer;
  signal: AbortSignal;
  /** Whether the viewer's session still holds (logout, revocation, deactivation end it). */
  stillSignedIn: () => Promise<boolean>;
  /** Longest a stream goes without re-checking the session, even when idle. */
  recheckIdleMs?: number;
  /** A message is delivered only after a check at most this old. */
  recheckBeforeDeliveryMs?: number;
}

/**
 * A viewer's live updates until they leave (the signal aborts) or their
 * session ends: the session is re-checked every `recheckIdleMs` and before a
 * delivery when the last check is older than `recheckBeforeDeliveryMs`, so a
 * deactivated person's stream ends and tells them nothing more.
 */
export async function* liveStream(options: LiveStreamOptions): AsyncGenerator<LiveUpdate> {
  const { hub, signal } = options;
  const idleMs = options.recheckIdleMs ?? 30_000;
  const beforeDeliveryMs = options.recheckBeforeDeliveryMs ?? 2_000;
  const subscription = hub.subscribe(options.viewer);
  let checkedAt = performance.now();
  const ensureSignedIn = async (maxAgeMs: number) => {
    if (performance.now() - checkedAt < maxAgeMs) return;
    if (!(await options.stillSignedIn())) {
      throw new AppError('SESSION_EXPIRED', 'Your session has ended. Please log in again.');
    }
    checkedAt = performance.now();
  };
  try {
    while (true) {
      const taken = await subscription.take(signal, idleMs);
      if (taken === 'closed') return;
      if (taken === 'idle') {
        await ensureSignedIn(idleMs);
        continue;
      }
      await ensureSignedIn(beforeDeliveryMs);
      yield taken;
    }
  } finally {
    subscription.close();
  }
}
