import { type Db, type LiveListener, startLiveListener } from '@aegira/db';
import type { Logger } from '../http/logger.ts';
import { LiveHub } from './live-hub.ts';
import { SessionChecker } from './session-checker.ts';

/** What the live-updates procedure needs: the streams and their batched session re-check. */
export interface LiveDeps {
  hub: LiveHub;
  sessions: SessionChecker;
}

export interface RunningLive extends LiveDeps {
  listener: LiveListener;
  /** Ends every stream, then the LISTEN connection. */
  close(): Promise<void>;
}

/**
 * This instance's half of live updates: the one LISTEN connection and the hub
 * its messages fan out through. Starting does not wait for the database; the
 * listener keeps retrying, and a stream opened meanwhile simply hears nothing
 * until it connects (then every stream is told to re-read).
 */
export function startLive(options: { db: Db; databaseUrl: string; logger: Logger }): RunningLive {
  const { logger } = options;
  const hub = new LiveHub();
  const listener = startLiveListener({
    connectionString: options.databaseUrl,
    onMessage: (message) => hub.publish(message),
    onReconnect: () => {
      logger.warn('Live updates: listener reconnected, streams told to re-read');
      hub.resyncAll();
    },
    onError: (error) => {
      logger.warn('Live updates: listener problem', {
        error: error instanceof Error ? error.message : String(error),
      });
    },
  });
  return {
    hub,
    sessions: new SessionChecker(options.db),
    listener,
    close: async () => {
      hub.closeAll();
      await listener.close();
    },
  };
}
