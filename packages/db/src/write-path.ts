import { randomUUID } from 'node:crypto';
import type { AuditAction, EventPayload, EventType } from '@aegira/events';
import type { Db, ReadTx } from './client.ts';
import { tellEventsCommitted } from './committed-events.ts';
import { companyWriteSlotsOf } from './company-write-slots.ts';
import { recheckCredential } from './credential-check.ts';
import { type CredentialWrite, writeCredentials } from './credentials.ts';
import type { DirectRead } from './direct-reads.ts';
import {
  type AnyNewEvent,
  appendEvents,
  type CommandActor,
  type NewEvent,
  type SeededFields,
} from './event-log.ts';
import { type FaultHooks, faultsOf } from './faults/fault-hooks.ts';
import type { Prisma } from './generated/prisma/client.ts';
import { claimIdempotencyKey, type IdempotencyClaim } from './idempotency.ts';
import { publishLive } from './live/publish-live.ts';
import { publishRosterChanges } from './live/roster-messages.ts';
import { deriveNotifications, notificationMessages } from './notifications/derive-notifications.ts';
import { applyEvents } from './projections/apply-events.ts';
import { erasedPersonOf } from './projections/evolve.ts';
import { destroyPersonKey } from './sealing/person-keys.ts';
import type { AnyStoredEvent } from './stored-event.ts';
import { bindCompany, TRANSACTION_OPTIONS } from './tenant.ts';
import {
  type CommandTx,
  openSqlTransaction,
  openTransaction,
  sql,
  sqlOf,
  writeSqlOf,
} from './transaction-connections.ts';

/** The AuditLog row of an administrative action; its entity is its event's. */
export interface AuditNote {
  action: AuditAction;
  details: Prisma.InputJsonObject;
}

/** An event to append, and the audit row it carries when it is an administrative action. */
export type DecidedEvent = AnyNewEvent & { audit?: AuditNote };

/** What a command's decide step returns: events to append, and credentials they set. */
export interface Decision {
  events: DecidedEvent[];
  /** Operational rows outside the log (password and token hashes). */
  credentials?: CredentialWrite[];
}

/** Builds an event for a decision, typed by its event type. */
export function event<T extends EventType>(
  type: T,
  payload: EventPayload<T>,
  audit?: AuditNote,
): NewEvent<T> & { audit?: AuditNote } {
  return audit ? { type, payload, audit } : { type, payload };
}

/**
 * An event whose sensitive fields are sealed with this person's key: for types whose payload
 * does not name the person it is about (an amendment names only its check-in; decision 039).
 */
export function sealedFor<E extends AnyNewEvent>(personId: string, decided: E): E {
  return { ...decided, subjectId: personId };
}

/** Reads current state (read-only) and decides; throws to refuse. Writes nothing. */
export type Decide = (read: ReadTx) => Promise<Decision | DecidedEvent[]>;

/** A Decide that reads by plain SQL only (sqlOf's rows): for executeSqlCommand. */
export type SqlDecide = (read: DirectRead) => Promise<Decision | DecidedEvent[]>;

/**
 * An injected clock for the seed and tests (never built from a request): when each event
 * happened. Its created_at, and so the created_at/updated_at of the rows it writes and the
 * versions of history tables, follow it. A Date dates every event of the command; a function
 * dates each one (a batch of a day's check-ins, each at its own time). Without it the
 * database's clock dates them. Events must be dated in log order for as-of views to hold.
 */
export interface CommandOptions {
  at?: Date | ((event: AnyNewEvent, index: number) => Date);
  /** Who did each event (a seed writing many people's check-ins in one command). */
  actorOf?: (event: AnyNewEvent, index: number) => string | null;
}

function seededFields(options: CommandOptions | undefined): SeededFields {
  const at = options?.at;
  return {
    ...(at === undefined ? {} : { createdAt: typeof at === 'function' ? at : () => at }),
    ...(options?.actorOf ? { actorId: options.actorOf } : {}),
  };
}

async function writeAudit(
  tx: CommandTx,
  actor: CommandActor,
  stored: readonly AnyStoredEvent[],
  decided: readonly DecidedEvent[],
): Promise<void> {
  const rows = decided.flatMap((entry, index) => {
    const event = stored[index];
    if (!entry.audit || !event) return [];
    return [
      {
        id: randomUUID(),
        company_id: actor.companyId,
        event_id: event.id,
        actor_id: event.actorId,
        actor_token_id: actor.tokenId ?? null,
        action: entry.audit.action,
        entity_type: event.entityType,
        entity_id: event.entityId,
        details: entry.audit.details,
      },
    ];
  });
  if (rows.length === 0) return;
  await writeSqlOf(tx).run(
    sql(
      `INSERT INTO audit_logs (id, company_id, event_id, actor_id, actor_token_id, action,
                             entity_type, entity_id, details)
     SELECT id, company_id, event_id, actor_id, actor_token_id, action, entity_type, entity_id, details
     FROM jsonb_populate_recordset(NULL::audit_logs, $1::jsonb)`,
      JSON.stringify(rows),
    ),
  );
}

/** What one run of a command carries through its steps. */
interface CommandRun {
  actor: CommandActor;
  seeded: SeededFields;
  /** The request's Idempotency-Key, when this is its first committing command. */
  claiming: IdempotencyClaim | null;
  /** Test-only seams (decision 034); undefined in production. */
  faults: FaultHooks | undefined;
}

/**
 * Everything a command does inside its transaction but read its result: bind the company,
 * re-check the credential, claim the Idempotency-Key, decide, then append and apply. The same
 * steps whether Prisma's client or the driver opened the transaction.
 */
async function decideAndApply(
  tx: CommandTx,
  run: CommandRun,
  decide: () => Promise<Decision | DecidedEvent[]>,
): Promise<AnyStoredEvent[]> {
  const { actor, claiming, faults } = run;
  await bindCompany(tx, actor.companyId);
  // Credential first (before any other lock), then the request's idempotency claim.
  if (actor.credential) await recheckCredential(tx, actor.credential);
  if (claiming) await claimIdempotencyKey(tx, actor.companyId, claiming);
  const decided = await decide();
  const decision = Array.isArray(decided) ? { events: decided } : decided;
  // Nothing decided, nothing written (e.g. a job run with nothing due).
  if (decision.events.length === 0) return [];
  const stored = await appendEvents(tx, actor, decision.events, randomUUID, run.seeded);
  await faults?.afterEventInsert?.(writeSqlOf(tx));
  // Erasure destroys the person's key with the event that records it (decision 039).
  for (const erasure of stored) {
    const personId = erasedPersonOf(erasure);
    if (personId) await destroyPersonKey(tx, actor.companyId, personId);
  }
  await applyEvents(tx, stored);
  await writeAudit(tx, actor, stored, decision.events);
  await writeCredentials(tx, actor.companyId, decision.credentials ?? []);
  // The notifications read model is derived in the same transaction (no query when no
  // event causes one); NOTIFY reaches other instances only if this commits.
  const notified = await deriveNotifications(tx, stored);
  await publishLive(tx, notificationMessages(actor.companyId, notified));
  // Rosters showing the affected people re-read live (one statement, none when no event shows).
  await publishRosterChanges(tx, stored);
  return stored;
}

/**
 * Runs a command's transaction behind its company's bulkhead (decision 041), then marks the
 * Idempotency-Key claimed and tells listeners which event types committed.
 */
async function runCommand<R>(
  db: Db,
  actor: CommandActor,
  options: CommandOptions | undefined,
  transaction: (run: CommandRun) => Promise<{ output: R; stored: AnyStoredEvent[] }>,
): Promise<R> {
  // The first committing command of a request claims its Idempotency-Key (idempotency.ts).
  const claiming = actor.idempotency?.claimed === false ? actor.idempotency : null;
  const faults = faultsOf(db);
  const run: CommandRun = { actor, seeded: seededFields(options), claiming, faults };
  const slots = companyWriteSlotsOf(db);
  const start = () => {
    const pending = transaction(run);
    faults?.transactionCalled?.();
    return pending;
  };
  // The company's bulkhead (decision 041) before the pool: a flood of one company waits here.
  const { output, stored } = await (slots ? slots.run(actor.companyId, start) : start());
  if (claiming) claiming.claimed = true;
  tellEventsCommitted(stored.map((event) => event.type));
  return output;
}

/**
 * The write path: the only way to change state (architecture.md), decide then
 * apply, as emmett's deciders.
 * 1. opens a transaction bound to the actor's company (row-level security sees it);
 * 2. `decide` reads current state through a read-only handle and returns the
 *    events to append (or throws an AppError, and nothing is written);
 * 3. validates and appends each event, then applies the entity projections to
 *    them itself (services never write tables), writes the AuditLog rows of
 *    administrative events and any credential rows;
 * 4. `then`, if given, reads the result in the same transaction (a DTO);
 * 5. commits, or rolls back all of it if anything throws.
 * Returns `then`'s result, or the stored events. `options.at` dates the events (seed, tests).
 */
export async function executeCommand(
  db: Db,
  actor: CommandActor,
  decide: Decide,
  options?: CommandOptions,
): Promise<AnyStoredEvent[]>;
export async function executeCommand<R>(
  db: Db,
  actor: CommandActor,
  decide: Decide,
  then: (read: ReadTx, events: AnyStoredEvent[]) => Promise<R>,
  options?: CommandOptions,
): Promise<R>;
export async function executeCommand<R>(
  db: Db,
  actor: CommandActor,
  decide: Decide,
  thenOrOptions?: ((read: ReadTx, events: AnyStoredEvent[]) => Promise<R>) | CommandOptions,
  maybeOptions?: CommandOptions,
): Promise<R | AnyStoredEvent[]> {
  const then = typeof thenOrOptions === 'function' ? thenOrOptions : undefined;
  const options = typeof thenOrOptions === 'function' ? maybeOptions : thenOrOptions;
  return runCommand(db, actor, options, (run) =>
    openTransaction(
      db,
      async (tx) => {
        const stored = await decideAndApply(tx, run, () => decide(tx));
        const output = then ? await then(tx, stored) : stored;
        await run.faults?.beforeCommit?.(writeSqlOf(tx));
        return { output, stored };
      },
      TRANSACTION_OPTIONS,
    ),
  );
}

/**
 * executeCommand for a command whose decide step reads by plain SQL only: the same steps in a
 * transaction the driver opens and commits itself (decision 046), with none of Prisma's
 * per-transaction work, for the hot commands (check-in submit and amend). Returns the stored
 * events.
 */
export async function executeSqlCommand(
  db: Db,
  actor: CommandActor,
  decide: SqlDecide,
  options?: CommandOptions,
): Promise<AnyStoredEvent[]> {
  return runCommand(db, actor, options, (run) =>
    openSqlTransaction(db, async (tx) => {
      const stored = await decideAndApply(tx, run, () => decide(sqlOf(tx)));
      await run.faults?.beforeCommit?.(writeSqlOf(tx));
      return { output: stored, stored };
    }),
  );
}
