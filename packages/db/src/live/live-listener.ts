import { EVENT_TYPES } from '@aegira/events';
import pg from 'pg';
import { z } from 'zod';
import { LIVE_CHANNEL, type LiveMessage } from './live-message.ts';

const uuid = z.uuid();
const liveMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('notification'),
    companyId: uuid,
    recipientIds: z.array(uuid),
  }),
  z.strictObject({
    kind: z.literal('roster'),
    companyId: uuid,
    teamId: uuid,
    personId: uuid,
    eventType: z.enum(EVENT_TYPES),
    leadId: uuid.nullable(),
    supervisorId: uuid.nullable(),
  }),
]);

/** A NOTIFY payload as a message, or null when it is not one (never trusted blindly). */
export function parseLiveMessage(payload: string | undefined): LiveMessage | null {
  if (payload === undefined) return null;
  try {
    const parsed = liveMessageSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface LiveListenerOptions {
  /** The application role's connection; LISTEN needs no privilege. */
  connectionString: string;
  onMessage: (message: LiveMessage) => void;
  /**
   * Connected again after a loss: messages sent meanwhile were missed, so
   * subscribers should re-read what they show.
   */
  onReconnect?: () => void;
  onError?: (error: unknown) => void;
  /** First wait before reconnecting; doubles up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** How often an idle connection is probed, so a silently dead one is noticed. */
  probeIntervalMs?: number;
}

export interface LiveListener {
  /** Resolves once the first LISTEN is in place (it keeps retrying until then). */
  ready: Promise<void>;
  /** Whether the LISTEN connection is up now. */
  isConnected(): boolean;
  close(): Promise<void>;
}

/**
 * One LISTEN connection per API instance on LIVE_CHANNEL (architecture.md
 * "Jobs and live updates"): NOTIFY from any instance's write path reaches every
 * instance's listener at commit. A lost connection is replaced with
 * exponential backoff; a probe query notices one that died without a word.
 */
export function startLiveListener(options: LiveListenerOptions): LiveListener {
  const minBackoff = options.minBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  const probeInterval = options.probeIntervalMs ?? 30_000;
  let client: pg.Client | null = null;
  let closed = false;
  let connected = false;
  let connectedOnce = false;
  let backoff = minBackoff;
  let retryTimer: NodeJS.Timeout | undefined;
  let probeTimer: NodeJS.Timeout | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const report = (error: unknown) => options.onError?.(error);

  const drop = (lost: pg.Client) => {
    if (client !== lost) return; // already replaced
    client = null;
    connected = false;
    clearInterval(probeTimer);
    lost.removeAllListeners('notification');
    void lost.end().catch(() => undefined);
    scheduleConnect();
  };

  const scheduleConnect = () => {
    if (closed) return;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void connect(), backoff);
    backoff = Math.min(maxBackoff, backoff * 2);
  };

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({
      connectionString: options.connectionString,
      application_name: 'aegira-live',
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    // Without an 'error' listener a dropped connection would crash the process.
    next.on('error', (error) => {
      report(error);
      drop(next);
    });
    next.on('end', () => drop(next));
    next.on('notification', (notification) => {
      if (notification.channel !== LIVE_CHANNEL) return;
      const message = parseLiveMessage(notification.payload);
      if (message) options.onMessage(message);
      else report(new Error('Ignored a live message that is not one'));
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      report(error);
      drop(next);
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    backoff = minBackoff;
    connected = true;
    probeTimer = setInterval(() => {
      next.query('SELECT 1').catch((error: unknown) => {
        report(error);
        drop(next);
      });
    }, probeInterval);
    probeTimer.unref();
    if (connectedOnce) options.onReconnect?.();
    connectedOnce = true;
    markReady();
  };

  void connect();
  return {
    ready,
    isConnected: () => connected,
    close: async () => {
      closed = true;
      connected = false;
      clearTimeout(retryTimer);
      clearInterval(probeTimer);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
