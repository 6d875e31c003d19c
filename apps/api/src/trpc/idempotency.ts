import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type Db,
  findIdempotencyKey,
  type IdempotencyClaim,
  IdempotencyKeyTakenError,
  recordIdempotentResponse,
  releaseIdempotencyKey,
} from '@aegira/db';
import { AppError, fieldError } from '../errors/app-error.ts';
import type { Actor } from './context.ts';

// Idempotency-Key on authenticated mutations (docs/decisions/035-versions-and-idempotency.md).
// The claim is written by the write path in the transaction of the request's first command;
// this module checks a key before the request runs and stores the answer after it.

/** Visible ASCII, as a UUID or any client-made token is; bounded like the column's CHECK. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** How long a duplicate waits for the first request's answer before it is told to retry. */
const ANSWER_WAIT_MS = 10_000;
const ANSWER_POLL_MS = 50;

/** The header's key, or a 400 naming the header when it is not one. */
export function parseIdempotencyKey(header: string): string {
  if (!KEY_PATTERN.test(header)) {
    throw fieldError(
      'Idempotency-Key',
      'must be 1 to 255 visible ASCII characters (a UUID is a good key)',
    );
  }
  return header;
}

/** JSON with object keys sorted, so the same request always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What makes two requests "the same": who sent it (person and token), the procedure and
 * its raw input. A key reused by another person of the company is a different request.
 */
export function requestHashOf(actor: Actor, path: string, rawInput: unknown): string {
  return createHash('sha256')
    .update(`${actor.personId}\n${actor.tokenId ?? ''}\n${path}\n${canonicalJson(rawInput)}`)
    .digest('hex');
}

/** The stored answer of a key, as recordIdempotentResponse wrote it. */
interface StoredAnswer {
  data: unknown;
}

function reused(): AppError {
  return new AppError(
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for a different request; send a new key for a new request.',
  );
}

/**
 * The first answer to a key, waiting while the first request is still running; null when
 * the key is free (never used, expired, or released by a request that failed).
 */
export async function answerOf(
  db: Db,
  companyId: string,
  key: string,
  requestHash: string,
): Promise<StoredAnswer | null> {
  const deadline = Date.now() + ANSWER_WAIT_MS;
  for (;;) {
    const record = await findIdempotencyKey(db, companyId, key);
    if (!record) return null;
    if (record.requestHash !== requestHash) throw reused();
    if (record.answered) return record.response as StoredAnswer;
    if (Date.now() >= deadline) {
      throw new AppError(
        'IDEMPOTENCY_KEY_IN_PROGRESS',
        'A request with this Idempotency-Key is still in progress; retry it in a few seconds.',
      );
    }
    await sleep(ANSWER_POLL_MS);
  }
}

/** A fresh claim for a request; the write path marks it claimed once a command commits it. */
export function newClaim(key: string, requestHash: string): IdempotencyClaim {
  return { key, requestHash, claimed: false };
}

/** After the request: keep its answer, or free the key if it failed after claiming it. */
export async function settleClaim(
  db: Db,
  companyId: string,
  claim: IdempotencyClaim,
  outcome: { ok: true; data: unknown } | { ok: false },
): Promise<void> {
  if (!claim.claimed) return;
  if (outcome.ok) {
    await recordIdempotentResponse(db, companyId, claim.key, { data: outcome.data ?? null });
  } else {
    await releaseIdempotencyKey(db, companyId, claim.key);
  }
}

/** A concurrent duplicate committed first: the write path refused this one's claim. */
export function lostClaimRace(cause: unknown): boolean {
  return cause instanceof IdempotencyKeyTakenError;
}

type Outcome = { ok: true; data: unknown } | { ok: false; error: { cause?: unknown } };

export interface IdempotentRequest {
  db: Db;
  actor: Actor;
  header: string;
  path: string;
  rawInput: unknown;
}

/**
 * Runs a mutation under its Idempotency-Key: the first answer of the same request is
 * replayed (nothing runs, nothing is written); a key used for another request is refused
 * (422); a duplicate racing the first waits on the claim's primary key and gets its answer.
 */
export async function idempotentMutation<R extends Outcome>(
  request: IdempotentRequest,
  run: (actor: Actor) => Promise<R>,
  replay: (data: unknown) => R,
): Promise<R> {
  const { db, actor } = request;
  const key = parseIdempotencyKey(request.header);
  const requestHash = requestHashOf(actor, request.path, request.rawInput);
  const earlier = await answerOf(db, actor.companyId, key, requestHash);
  if (earlier) return replay(earlier.data);
  const claim = newClaim(key, requestHash);
  const result = await run({ ...actor, idempotency: claim });
  if (!result.ok && lostClaimRace(result.error.cause)) {
    const first = await answerOf(db, actor.companyId, key, requestHash);
    if (first) return replay(first.data);
    throw new AppError(
      'IDEMPOTENCY_KEY_IN_PROGRESS',
      'Another request with this Idempotency-Key did not finish; retry it.',
    );
  }
  await settleClaim(db, actor.companyId, claim, result.ok ? result : { ok: false });
  return result;
}
