import type { CommandTx } from '../transaction-connections.ts';
import { sql, writeSqlOf } from '../transaction-connections.ts';
import { LIVE_CHANNEL, type LiveMessage } from './live-message.ts';

// NOTIFY payloads are limited to 8,000 bytes; messages carry ids only, and a
// notification message's recipients are split so no payload comes near it.
const MAX_RECIPIENTS_PER_MESSAGE = 100;

function split(message: LiveMessage): LiveMessage[] {
  if (message.kind !== 'notification') return [message];
  const parts: LiveMessage[] = [];
  for (let start = 0; start < message.recipientIds.length; start += MAX_RECIPIENTS_PER_MESSAGE) {
    parts.push({
      ...message,
      recipientIds: message.recipientIds.slice(start, start + MAX_RECIPIENTS_PER_MESSAGE),
    });
  }
  return parts;
}

/**
 * Queues live messages in the current transaction: PostgreSQL delivers them to
 * every listening instance when (and only if) the transaction commits.
 */
export async function publishLive(tx: CommandTx, messages: readonly LiveMessage[]): Promise<void> {
  const payloads = messages.flatMap(split).map((message) => JSON.stringify(message));
  if (payloads.length === 0) return;
  await writeSqlOf(tx).run(
    sql('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', LIVE_CHANNEL, payloads),
  );
}
