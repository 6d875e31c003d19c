import type { Db } from '../client.ts';
import type { CredentialWrite } from '../credentials.ts';
import type { CommandActor } from '../event-log.ts';
import { type DecidedEvent, executeCommand } from '../write-path.ts';

/** An event and when it happened (the injected clock its created_at follows). */
export interface DatedEvent {
  event: DecidedEvent;
  at: Date;
  /** Who did it; by default the actor the batch is appended as. */
  actorId?: string | null;
}

/** Events per command: one set-based append and apply each, well inside the transaction timeout. */
export const SEED_BATCH = 10_000;

/**
 * Appends events through the write path (decide returns them, the projections apply them) in
 * commands of at most `batchSize` events, each dated by its own clock reading. Events must come
 * in time order, so the log's order and its dates agree. Returns how many were appended.
 * Passwords (`credentials`) are set in the command that creates their person.
 */
export async function appendInBatches(
  db: Db,
  actor: CommandActor,
  events: readonly DatedEvent[],
  options: { batchSize?: number; credentials?: readonly CredentialWrite[] } = {},
): Promise<number> {
  const size = options.batchSize ?? SEED_BATCH;
  for (let start = 0; start < events.length; start += size) {
    const batch = events.slice(start, start + size);
    // A password travels with the batch that creates its person.
    const created = new Set(
      batch.flatMap(({ event }) => (event.type === 'PERSON_CREATED' ? [event.payload.id] : [])),
    );
    const credentials = (options.credentials ?? []).filter(
      (credential) => credential.kind === 'password' && created.has(credential.personId),
    );
    await executeCommand(
      db,
      actor,
      async () => ({ events: batch.map((entry) => entry.event), credentials }),
      {
        at: (_event, index) => batch[index]?.at ?? new Date(),
        actorOf: (_event, index) => {
          const actorId = batch[index]?.actorId;
          return actorId === undefined ? actor.actorId : actorId;
        },
      },
    );
  }
  return events.length;
}
