import { randomUUID } from 'node:crypto';
import type { Db, ReadTx } from '../client.ts';
import type { CommandActor } from '../event-log.ts';
import { withTenant } from '../tenant.ts';
import { event, executeCommand } from '../write-path.ts';
import { type SigningKey, signCheckpoint } from './checkpoint-signature.ts';
import { leafHash, type MerkleAccumulator } from './merkle.ts';
import { lockCompanyChain, sealCompanyLog } from './seal-log.ts';
import { treeSignedBy } from './signed-tree.ts';

// A checkpoint signs the chain's head as sealed right now (docs/decisions/017). It is an event
// (AUDIT_CHECKPOINT_SIGNED) through the write path like any other change, so it lands in the
// log, its projection (audit_checkpoints) and, on the next seal, in the chain it signs.

export interface CheckpointResult {
  id: string;
  sequence: number;
  headHash: string;
  merkleRoot: string;
  signedAt: string;
  keyId: string;
}

/** The link hashes of the company's chain after seq `afterSeq` (up to `limit`), as Merkle leaves. */
export async function chainLeaves(
  read: ReadTx,
  companyId: string,
  afterSeq = 0,
  limit: number | null = null,
): Promise<Buffer[]> {
  const rows = await read.$queryRaw<Array<{ hash: string }>>`
    SELECT hash FROM event_seals WHERE company_id = ${companyId}::uuid AND seq > ${afterSeq}::bigint
    ORDER BY seq LIMIT ${limit}::bigint`;
  return rows.map((row) => leafHash(row.hash));
}

/** Leaves read per transaction by sealedLeaves. */
const LEAF_CHUNK = 100_000;

/**
 * Every leaf of the chain as it stands, read a chunk per transaction. Seals never change once
 * written, so chunks read apart make one consistent chain. A year's chain is 1.5 M leaves:
 * read and hashed in one statement inside the checkpoint's own transaction, it took 15 of that
 * transaction's 20 seconds on a quiet machine, and timed out under load.
 */
export async function sealedLeaves(db: Db, companyId: string): Promise<Buffer[]> {
  const leaves: Buffer[] = [];
  await eachSealedChunk(db, companyId, 0, (chunk) => {
    for (const leaf of chunk) leaves.push(leaf);
  });
  return leaves;
}

/** The chain's leaves after seq `afterSeq`, handed over a chunk (one transaction) at a time. */
async function eachSealedChunk(
  db: Db,
  companyId: string,
  afterSeq: number,
  take: (chunk: Buffer[]) => void,
): Promise<void> {
  for (let seq = afterSeq; ; ) {
    const from = seq;
    const chunk = await withTenant(db, companyId, (read) =>
      chainLeaves(read, companyId, from, LEAF_CHUNK),
    );
    take(chunk);
    seq += chunk.length;
    if (chunk.length < LEAF_CHUNK) return;
  }
}

/**
 * The tree the company's latest checkpoint signed, resumed from the frontier its event carries
 * (decision 051; treeSignedBy says when it is trusted), or the empty tree.
 */
export async function signedTree(read: ReadTx, companyId: string): Promise<MerkleAccumulator> {
  const [latest] = await read.$queryRaw<
    Array<{ sequence: string; merkleRoot: string; frontier: unknown }>
  >`
    SELECT c.sequence::text AS sequence, c.merkle_root AS "merkleRoot",
           e.payload -> 'frontier' AS frontier
    FROM audit_checkpoints c
    JOIN events e ON e.company_id = c.company_id AND e.id = c.event_id
    WHERE c.company_id = ${companyId}::uuid
    ORDER BY c.sequence DESC LIMIT 1`;
  return treeSignedBy(latest ? { ...latest, sequence: Number(latest.sequence) } : null);
}

/**
 * Seals what is pending, then signs (company, head seq, head hash, Merkle root, time) and
 * appends the checkpoint event. Returns null when there is nothing new to sign: no sealed
 * event yet, or the head is already signed (the chain then ends in that checkpoint's event,
 * at most, so a periodic job does not sign its own checkpoints forever).
 */
export async function signCompanyCheckpoint(
  db: Db,
  actor: CommandActor,
  key: SigningKey,
  now: Date,
): Promise<CheckpointResult | null> {
  const companyId = actor.companyId;
  await sealCompanyLog(db, companyId);
  // Most runs of the hourly job find the head signed already: asked first, on the head's seq
  // alone, a run reads no leaf (a year's chain is 1.5 M leaves, ~12 s of CPU to read).
  const alreadySigned = await withTenant(db, companyId, async (read) => {
    const [head] = await read.$queryRaw<Array<{ seq: string | null }>>`
      SELECT max(seq)::text AS seq FROM event_seals WHERE company_id = ${companyId}::uuid`;
    const sequence = Number(head?.seq ?? 0);
    return sequence === 0 || (await headSigned(read, companyId, sequence));
  });
  if (alreadySigned) return null;
  // The tree the last checkpoint signed, grown by what was sealed since, is read before the
  // command; inside it, under the chain lock, only what was sealed meanwhile. Reading and
  // hashing a year's chain (1.5 M leaves) again for each checkpoint took ~16 s of CPU (051).
  const earlier = await withTenant(db, companyId, (read) => signedTree(read, companyId));
  await eachSealedChunk(db, companyId, earlier.size, (chunk) => {
    for (const leaf of chunk) earlier.push(leaf);
  });
  let result: CheckpointResult | null = null;
  await executeCommand(db, actor, async (read) => {
    // One signer at a time per company, and none while a seal is being appended.
    await lockCompanyChain(read, companyId);
    // A copy: the command may run again, and must start from `earlier` each time.
    const tree = earlier.copy();
    for (const leaf of await chainLeaves(read, companyId, tree.size)) tree.push(leaf);
    const sequence = tree.size;
    if (sequence === 0) return [];
    if (await headSigned(read, companyId, sequence)) return [];
    const heads = await read.$queryRaw<Array<{ hash: string }>>`
      SELECT hash FROM event_seals WHERE company_id = ${companyId}::uuid AND seq = ${sequence}`;
    const headHash = heads[0]?.hash;
    if (!headHash) return [];
    const signed = signCheckpoint(key, {
      companyId,
      sequence,
      headHash,
      merkleRoot: tree.root(),
      signedAt: now.toISOString(),
    });
    const id = randomUUID();
    result = {
      id,
      sequence,
      headHash,
      merkleRoot: signed.merkleRoot,
      signedAt: signed.signedAt,
      keyId: signed.keyId,
    };
    return [
      event('AUDIT_CHECKPOINT_SIGNED', {
        id,
        sequence,
        headHash,
        merkleRoot: signed.merkleRoot,
        signedAt: signed.signedAt,
        keyId: signed.keyId,
        publicKey: signed.publicKey,
        signature: signed.signature,
        frontier: tree.frontier(),
      }),
    ];
  });
  return result;
}

/**
 * Whether a checkpoint already signs the chain of `sequence` links: one signed at it or later,
 * or one signed at the link before when the head is that checkpoint's own event (a periodic
 * job does not sign its own checkpoints forever).
 */
async function headSigned(read: ReadTx, companyId: string, sequence: number): Promise<boolean> {
  const [previous] = await read.$queryRaw<Array<{ sequence: string; head_type: string | null }>>`
    SELECT c.sequence::text AS sequence,
           (SELECT e.type::text FROM event_seals s JOIN events e ON e.id = s.event_id
            WHERE s.company_id = ${companyId}::uuid ORDER BY s.seq DESC LIMIT 1) AS head_type
    FROM audit_checkpoints c WHERE c.company_id = ${companyId}::uuid
    ORDER BY c.sequence DESC LIMIT 1`;
  if (!previous) return false;
  const signedAt = Number(previous.sequence);
  return (
    signedAt >= sequence ||
    (signedAt === sequence - 1 && previous.head_type === 'AUDIT_CHECKPOINT_SIGNED')
  );
}
