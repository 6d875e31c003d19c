import { canonicalJson, type EventType, erasedView, replaceMarkedFields } from '@aegira/events';
import type { Db } from '../client.ts';
import type { KeyRing } from '../sealing/key-ring.ts';
import { keyRingFor } from '../sealing/person-keys.ts';
import { withTenant } from '../tenant.ts';
import type { BundleCheckpoint, BundleEvent, BundleHeader, BundleLine } from './bundle-format.ts';
import { payloadDigest, sha256Hex } from './chain-link.ts';

// Writes a company's audit bundle (bundle-format.ts) page by page, each page its own read of
// the append-only seals, so a log of any size streams without one long transaction.

export interface ExportOptions {
  companySlug: string;
  /** 'shown' only when whoever receives the bundle may read health and incident content. */
  sensitive: 'shown' | 'digested';
  /** The public key checkpoints are signed with (null before any key exists). */
  publicKey: string | null;
  keyId: string | null;
  now: Date;
  pageSize?: number;
}

interface SealedRow {
  seq: string;
  prev_hash: string;
  hash: string;
  event_id: string;
  type: EventType | null;
  entity_type: string | null;
  entity_id: string | null;
  actor_id: string | null;
  actor_token_id: string | null;
  created_at: Date | null;
  schema_version: number | null;
  payload: unknown;
}

/**
 * A marked field's stand-in: SHA-256 over the event id, the mark and the canonical value, so
 * whoever knows the value can check it and equal values of two events do not look alike.
 * Short or guessable values (a pain level) can still be guessed by trying them all: the
 * digest withholds, it does not encrypt.
 */
function fieldDigest(eventId: string, mark: string, value: unknown): string {
  return `[digest sha256:${sha256Hex(canonicalJson(['aegira-field-v1', eventId, mark, value ?? null]))}]`;
}

function eventLine(
  row: SealedRow,
  sensitive: ExportOptions['sensitive'],
  keys: KeyRing,
): BundleEvent {
  const base = {
    kind: 'event' as const,
    seq: Number(row.seq),
    prevHash: row.prev_hash,
    hash: row.hash,
    id: row.event_id,
  };
  if (row.type === null || row.created_at === null || row.schema_version === null) {
    return { ...base, missing: true };
  }
  const fields = {
    ...base,
    type: row.type,
    entityType: row.entity_type ?? '',
    entityId: row.entity_id ?? '',
    actorId: row.actor_id,
    actorTokenId: row.actor_token_id,
    createdAt: row.created_at.toISOString(),
    schemaVersion: row.schema_version,
    payloadDigest: payloadDigest(row.payload),
  };
  // Sealed fields opened first (decision 039); an erased payload shows its fields as erased.
  const opened = keys.open(row.event_id, row.payload);
  if (opened.erased) {
    const payload = erasedView(row.type, row.schema_version, opened.payload);
    return { ...fields, payload, redacted: true };
  }
  const shown = replaceMarkedFields(row.type, row.schema_version, opened.payload, (mark, value) =>
    mark === 'sensitive' && sensitive === 'shown' ? value : fieldDigest(row.event_id, mark, value),
  );
  if (shown === null) return { ...fields, redacted: true };
  // A replacer that kept every value (sensitive shown, no secret) leaves the payload verifiable.
  const redacted = shown.replaced && canonicalJson(shown.payload) !== canonicalJson(row.payload);
  return { ...fields, payload: shown.payload, redacted };
}

/** Writes every line of the bundle, in order, through `write`. Returns the event count. */
export async function exportCompanyBundle(
  db: Db,
  companyId: string,
  options: ExportOptions,
  write: (line: BundleLine) => Promise<void> | void,
): Promise<{ events: number; unsealed: number }> {
  const pageSize = options.pageSize ?? 10_000;
  const header: BundleHeader = {
    kind: 'header',
    format: 'aegira-audit-bundle',
    version: 1,
    companyId,
    companySlug: options.companySlug,
    exportedAt: options.now.toISOString(),
    publicKey: options.publicKey,
    keyId: options.keyId,
    sensitive: options.sensitive,
  };
  await write(header);
  const { checkpoints, headSeq, unsealed } = await withTenant(db, companyId, async (read) => {
    const rows = await read.$queryRaw<
      Array<
        Omit<BundleCheckpoint, 'kind' | 'sequence' | 'signedAt'> & {
          sequence: string;
          signedAt: Date;
        }
      >
    >`
      SELECT id, company_id AS "companyId", sequence::text AS sequence, head_hash AS "headHash",
             merkle_root AS "merkleRoot", signed_at AS "signedAt", key_id AS "keyId",
             public_key AS "publicKey", signature
      FROM audit_checkpoints c WHERE c.company_id = ${companyId}::uuid ORDER BY c.sequence, c.signed_at`;
    const head = await read.$queryRaw<Array<{ seq: string | null; unsealed: string }>>`
      SELECT (SELECT max(seq)::text FROM event_seals WHERE company_id = ${companyId}::uuid) AS seq,
             (SELECT count(*)::text FROM events e WHERE e.company_id = ${companyId}::uuid
                AND NOT EXISTS (SELECT 1 FROM event_seals s
                                WHERE s.company_id = e.company_id AND s.event_id = e.id)) AS unsealed`;
    return {
      checkpoints: rows.map((row) => ({
        ...row,
        kind: 'checkpoint' as const,
        sequence: Number(row.sequence),
        signedAt: row.signedAt.toISOString(),
      })),
      headSeq: Number(head[0]?.seq ?? 0),
      unsealed: Number(head[0]?.unsealed ?? 0),
    };
  });
  for (const checkpoint of checkpoints) await write(checkpoint);
  let events = 0;
  let after = 0;
  while (after < headSeq) {
    const { page, keys } = await withTenant(db, companyId, async (read) => {
      const rows = await read.$queryRaw<SealedRow[]>`
        SELECT s.seq::text AS seq, s.prev_hash, s.hash, s.event_id, e.type, e.entity_type,
               e.entity_id, e.actor_id, e.actor_token_id, e.created_at, e.schema_version, e.payload
        FROM event_seals s
        LEFT JOIN events e ON e.company_id = s.company_id AND e.id = s.event_id
        WHERE s.company_id = ${companyId}::uuid AND s.seq > ${after} AND s.seq <= ${headSeq}
        ORDER BY s.seq LIMIT ${pageSize}`;
      return {
        page: rows,
        keys: await keyRingFor(
          read,
          rows.map((row) => row.payload),
        ),
      };
    });
    if (page.length === 0) break;
    for (const row of page) {
      await write(eventLine(row, options.sensitive, keys));
      events += 1;
    }
    after = Number(page.at(-1)?.seq ?? headSeq);
  }
  await write({ kind: 'end', events, unsealed });
  return { events, unsealed };
}
