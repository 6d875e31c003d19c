import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, type FreshDatabase } from '../../test-support/fresh-database.ts';
import { createDb, type Db } from '../client.ts';
import { withTenant } from '../tenant.ts';
import { event, executeCommand } from '../write-path.ts';
import type { BundleLine } from './bundle-format.ts';
import {
  generateSigningKeyPem,
  type SigningKey,
  signingKeyFromPem,
} from './checkpoint-signature.ts';
import { exportCompanyBundle } from './export-bundle.ts';
import { proveInclusion, verifyInclusionProof } from './inclusion-proof.ts';
import { merkleRoot } from './merkle.ts';
import { SEALS_PER_INSERT, sealCompanyLog } from './seal-log.ts';
import { sealedLeaves, signCompanyCheckpoint, signedTree } from './sign-checkpoint.ts';
import { verifyBundleText } from './verify-bundle.ts';

let database: FreshDatabase;
let db: Db;
let owner: pg.Client;
const key: SigningKey = signingKeyFromPem(generateSigningKeyPem());

beforeAll(async () => {
  database = await createFreshDatabase();
  db = createDb(database.appUrl, { maxConnections: 12 });
  owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
});
afterAll(async () => {
  await owner?.end();
  await db?.$disconnect();
  await database?.drop();
});

async function makeCompany(name: string) {
  const companyId = randomUUID();
  const slug = `${name.toLowerCase()}-${companyId.slice(0, 8)}`;
  await executeCommand(db, { companyId, actorId: null }, async () => [
    event('COMPANY_CREATED', { id: companyId, name, slug, timezone: 'UTC' }),
  ]);
  return { companyId, slug };
}

let dateCounter = 0;
/** `count` holiday events, `perCommand` to a transaction. */
async function addEvents(companyId: string, count: number, perCommand = 50): Promise<void> {
  for (let done = 0; done < count; done += perCommand) {
    const events = Array.from({ length: Math.min(perCommand, count - done) }, () => {
      dateCounter += 1;
      const date = new Date(Date.UTC(2000, 0, 1) + dateCounter * 86_400_000);
      return event('HOLIDAY_CREATED', {
        id: randomUUID(),
        date: date.toISOString().slice(0, 10),
        name: `Day ${dateCounter} – Zoë’s 😀`,
        recurring: dateCounter % 2 === 0,
      });
    });
    await executeCommand(db, { companyId, actorId: null }, async () => events);
  }
}

async function bundleOf(companyId: string): Promise<string> {
  const lines: BundleLine[] = [];
  await exportCompanyBundle(
    db,
    companyId,
    {
      companySlug: 'x',
      sensitive: 'digested',
      publicKey: key.publicKey,
      keyId: key.keyId,
      now: new Date(),
    },
    (line) => {
      lines.push(line);
    },
  );
  return lines.map((line) => JSON.stringify(line)).join('\n');
}

const verify = (text: string) => verifyBundleText(text, { trustedPublicKey: key.publicKey });

/** A superuser's edit, past the append-only guards (which it switches off and on again). */
async function superuserEdit(sql: string, params: unknown[] = []): Promise<void> {
  await owner.query('BEGIN');
  try {
    // Replica mode also skips foreign keys (an entity row still names a deleted event).
    await owner.query('SET LOCAL session_replication_role = replica');
    await owner.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
    await owner.query('ALTER TABLE event_seals DISABLE TRIGGER event_seals_append_only');
    await owner.query(sql, params);
    await owner.query('ALTER TABLE events ENABLE ALWAYS TRIGGER events_append_only');
    await owner.query('ALTER TABLE event_seals ENABLE ALWAYS TRIGGER event_seals_append_only');
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  }
}

async function eventIdAt(companyId: string, seq: number): Promise<string> {
  const rows = await owner.query<{ event_id: string }>(
    'SELECT event_id FROM event_seals WHERE company_id = $1 AND seq = $2',
    [companyId, seq],
  );
  const id = rows.rows[0]?.event_id;
  if (!id) throw new Error(`no seal ${seq}`);
  return id;
}

describe('the hash chain of each company', () => {
  it('AO-6: 1,000 events verify; a changed payload byte, a deleted row or two swapped seqs are found at the first broken position, and B stays valid', async () => {
    const a = await makeCompany('Alpha');
    const b = await makeCompany('Beta');
    await addEvents(a.companyId, 999);
    await addEvents(b.companyId, 99);
    // One batch, written in several INSERTs: the chain must run on across them.
    expect(1_000).toBeGreaterThan(SEALS_PER_INSERT);
    expect((await sealCompanyLog(db, a.companyId)).sealed).toBe(1_000);
    await sealCompanyLog(db, b.companyId);
    await signCompanyCheckpoint(db, { companyId: a.companyId, actorId: null }, key, new Date());
    await sealCompanyLog(db, a.companyId);

    const intact = verify(await bundleOf(a.companyId));
    expect(intact).toMatchObject({ intact: true, events: 1_001, intactUpToCheckpoint: 1_000 });
    expect(verify(await bundleOf(b.companyId)).intact).toBe(true);

    // One byte of one payload (the holiday's name), changed in place by a superuser.
    const changed = await eventIdAt(a.companyId, 300);
    await superuserEdit(
      `UPDATE events SET payload = jsonb_set(payload, '{name}', to_jsonb(overlay(payload->>'name' placing 'X' from 1 for 1))) WHERE id = $1`,
      [changed],
    );
    expect(verify(await bundleOf(a.companyId))).toMatchObject({
      intact: false,
      firstBrokenSeq: 300,
    });
    expect(verify(await bundleOf(b.companyId)).intact).toBe(true);
    await superuserEdit(
      `UPDATE events SET payload = jsonb_set(payload, '{name}', to_jsonb(overlay(payload->>'name' placing 'D' from 1 for 1))) WHERE id = $1`,
      [changed],
    );
    expect(verify(await bundleOf(a.companyId)).intact).toBe(true);

    // Two seq values swapped.
    await superuserEdit(
      `UPDATE event_seals SET seq = 9999999 WHERE company_id = $1 AND seq = 500;
       UPDATE event_seals SET seq = 500 WHERE company_id = $1 AND seq = 501;
       UPDATE event_seals SET seq = 501 WHERE company_id = $1 AND seq = 9999999;`.replaceAll(
        '$1',
        `'${a.companyId}'`,
      ),
    );
    expect(verify(await bundleOf(a.companyId))).toMatchObject({
      intact: false,
      firstBrokenSeq: 500,
    });
    expect(verify(await bundleOf(b.companyId)).intact).toBe(true);

    // One row deleted (its seal and its event), leaving no trace in either table.
    const deleted = await eventIdAt(a.companyId, 700);
    await superuserEdit(
      `DELETE FROM event_seals WHERE event_id = '${deleted}'; DELETE FROM events WHERE id = '${deleted}';`,
    );
    expect(verify(await bundleOf(a.companyId))).toMatchObject({
      intact: false,
      firstBrokenSeq: 500,
    });
    // With the swap undone, the deletion is the first break.
    await superuserEdit(
      `UPDATE event_seals SET seq = 9999999 WHERE company_id = $1 AND seq = 500;
       UPDATE event_seals SET seq = 500 WHERE company_id = $1 AND seq = 501;
       UPDATE event_seals SET seq = 501 WHERE company_id = $1 AND seq = 9999999;`.replaceAll(
        '$1',
        `'${a.companyId}'`,
      ),
    );
    expect(verify(await bundleOf(a.companyId))).toMatchObject({
      intact: false,
      firstBrokenSeq: 700,
    });
    expect(verify(await bundleOf(b.companyId))).toMatchObject({ intact: true, events: 100 });
  });

  it('AO-7: 50 concurrent appends and concurrent sealers give one linear chain whose exported head is the verifier’s', async () => {
    const a = await makeCompany('Gamma');
    const appends = Array.from({ length: 50 }, () => addEvents(a.companyId, 1));
    const sealers = Array.from({ length: 4 }, () =>
      sealCompanyLog(db, a.companyId, { batchSize: 7 }),
    );
    await Promise.all([...appends, ...sealers]);
    await sealCompanyLog(db, a.companyId);
    const seals = await owner.query<{ seq: string; prev_hash: string; hash: string }>(
      'SELECT s.seq::text AS seq, s.prev_hash, s.hash FROM event_seals s WHERE s.company_id = $1 ORDER BY s.seq',
      [a.companyId],
    );
    expect(seals.rows.map((row) => Number(row.seq))).toEqual(
      Array.from({ length: 51 }, (_, index) => index + 1),
    );
    expect(new Set(seals.rows.map((row) => row.prev_hash)).size).toBe(51);
    seals.rows.forEach((row, index) => {
      if (index > 0) expect(row.prev_hash).toBe(seals.rows[index - 1]?.hash);
    });
    const report = verify(await bundleOf(a.companyId));
    expect(report.intact).toBe(true);
    expect(report.headHash).toBe(seals.rows.at(-1)?.hash);
  });

  it('seals a backlog many batches long in one run, and an event that commits late below sealed batches in the next', async () => {
    const c = await makeCompany('Zeta');
    await addEvents(c.companyId, 21, 3);
    // 22 events in batches of 3: each batch reads on from the previous one's last position,
    // and the last carries a watermark, so the next run does not read the backlog again.
    expect(await sealCompanyLog(db, c.companyId, { batchSize: 3 })).toMatchObject({
      sealed: 22,
      head: { seq: 22 },
    });
    const carried = await owner.query<{ settled: string }>(
      'SELECT settled_below_tx::text AS settled FROM event_seals WHERE company_id = $1 AND seq = 22',
      [c.companyId],
    );
    expect(BigInt(carried.rows[0]?.settled ?? '0')).toBeGreaterThan(0n);
    // A transaction that appends an event (its position comes first) and stays open.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let appended = () => {};
    const inserted = new Promise<void>((resolve) => {
      appended = resolve;
    });
    const late = executeCommand(
      db,
      { companyId: c.companyId, actorId: null },
      async () => [
        event('HOLIDAY_CREATED', {
          id: randomUUID(),
          date: '1999-12-31',
          name: 'Late',
          recurring: false,
        }),
      ],
      async (_read, stored) => {
        appended();
        await held;
        return stored[0]?.id;
      },
    );
    await inserted;
    await addEvents(c.companyId, 20, 2);
    // The open transaction's event is not visible yet, and must not be passed over for good.
    const first = await sealCompanyLog(db, c.companyId, { batchSize: 3 });
    expect(first).toMatchObject({ sealed: 20, head: { seq: 42 } });
    const order = await owner.query<{ seq: string; position: string }>(
      `SELECT s.seq::text AS seq, e.position::text AS position FROM event_seals s
       JOIN events e ON e.id = s.event_id WHERE s.company_id = $1 ORDER BY s.seq`,
      [c.companyId],
    );
    const positions = order.rows.map((row) => BigInt(row.position));
    expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    release();
    const lateId = await late;
    const second = await sealCompanyLog(db, c.companyId, { batchSize: 3 });
    expect(second).toMatchObject({ sealed: 1, head: { seq: 43 } });
    expect(await eventIdAt(c.companyId, 43)).toBe(lateId);
    expect(
      BigInt(
        (
          await owner.query<{ position: string }>(
            'SELECT position::text AS position FROM events WHERE id = $1',
            [lateId],
          )
        ).rows[0]?.position ?? '0',
      ),
    ).toBeLessThan(positions[22] ?? 0n); // below the 20 events sealed before it
    expect(verify(await bundleOf(c.companyId)).intact).toBe(true);
  });

  it('refuses a seal whose hashes are not 64 lowercase hex digits', async () => {
    const c = await makeCompany('Eta');
    await sealCompanyLog(db, c.companyId);
    const hex = 'a'.repeat(64);
    const insert = (hash: string, prevHash: string) =>
      owner.query(
        `INSERT INTO event_seals (company_id, seq, event_id, prev_hash, hash, settled_below_tx)
         SELECT company_id, 2, event_id, $2, $3, 0 FROM event_seals WHERE company_id = $1`,
        [c.companyId, prevHash, hash],
      );
    for (const [hash, prevHash] of [
      ['A'.repeat(64), hex],
      [hex, `${'a'.repeat(63)}g`],
      ['a'.repeat(63), hex],
      [hex, 'a'.repeat(65)],
    ] as const) {
      await expect(insert(hash, prevHash)).rejects.toThrow(/event_seals_hash_hex/);
    }
    // A well-formed pair passes the check and meets the next rule (one seal per event).
    await expect(insert(hex, 'b'.repeat(64))).rejects.toThrow(
      /event_seals_company_id_event_id_key/,
    );
  });

  it('detects a truncated tail against a signed checkpoint, and a chain rewritten without the key', async () => {
    const a = await makeCompany('Epsilon');
    await addEvents(a.companyId, 39, 13);
    await signCompanyCheckpoint(db, { companyId: a.companyId, actorId: null }, key, new Date());
    await addEvents(a.companyId, 30, 10); // seq 42..71 (41 is the checkpoint event)
    await signCompanyCheckpoint(db, { companyId: a.companyId, actorId: null }, key, new Date());
    await sealCompanyLog(db, a.companyId);
    expect(verify(await bundleOf(a.companyId))).toMatchObject({
      intact: true,
      intactUpToCheckpoint: 71,
    });

    // Rewrite from seq 50 on, consistently, as someone with the database but not the key would.
    const rewritten = await eventIdAt(a.companyId, 50);
    const lines = (await bundleOf(a.companyId))
      .split('\n')
      .map((line) => JSON.parse(line) as BundleLine);
    const { linkHash, payloadDigest } = await import('./chain-link.ts');
    let prev = '';
    const forged = lines.map((line) => {
      if (line.kind !== 'event' || line.seq < 50) {
        if (line.kind === 'event') prev = line.hash;
        return line;
      }
      const payload =
        line.id === rewritten ? { ...(line.payload as object), name: 'Forged' } : line.payload;
      const digest = payloadDigest(payload);
      const hash = linkHash({
        companyId: a.companyId,
        seq: line.seq,
        prevHash: prev,
        eventId: line.id,
        type: line.type ?? '',
        entityType: line.entityType ?? '',
        entityId: line.entityId ?? '',
        actorId: line.actorId ?? null,
        actorTokenId: line.actorTokenId ?? null,
        createdAt: line.createdAt ?? '',
        schemaVersion: line.schemaVersion ?? 0,
        payloadDigest: digest,
      });
      const next = { ...line, payload, payloadDigest: digest, prevHash: prev, hash };
      prev = hash;
      return next;
    });
    const rewrite = verify(forged.map((line) => JSON.stringify(line)).join('\n'));
    // Every link is consistent; only the signed head of checkpoint 71 gives it away, and the
    // first doubtful position is the first one after checkpoint 40.
    expect(rewrite).toMatchObject({ intact: false, firstBrokenSeq: 41, intactUpToCheckpoint: 40 });

    // Truncate the tail: the last 20 events (seals and rows) disappear.
    await superuserEdit(
      `DELETE FROM event_seals WHERE company_id = '${a.companyId}' AND seq > 53;
       DELETE FROM events e WHERE e.company_id = '${a.companyId}' AND e.type = 'HOLIDAY_CREATED'
         AND NOT EXISTS (SELECT 1 FROM event_seals s WHERE s.event_id = e.id);`,
    );
    expect(verify(await bundleOf(a.companyId))).toMatchObject({
      intact: false,
      firstBrokenSeq: 54,
    });
  });

  it('signs the next checkpoint from the tree the last one signed, with the root of the whole chain (decision 051)', async () => {
    const a = await makeCompany('Eta');
    const actor = { companyId: a.companyId, actorId: null };
    const treeNow = () => withTenant(db, a.companyId, (read) => signedTree(read, a.companyId));
    expect((await treeNow()).size).toBe(0);
    await addEvents(a.companyId, 25, 5);
    const first = await signCompanyCheckpoint(db, actor, key, new Date());
    expect(first?.sequence).toBe(26);
    await addEvents(a.companyId, 17, 4); // seq 28..44 (27 is the checkpoint event)

    // The next checkpoint starts where the first one's frontier leaves it, not at the first leaf.
    const resumed = await treeNow();
    expect(resumed.size).toBe(26);
    expect(resumed.root()).toBe(first?.merkleRoot);

    const second = await signCompanyCheckpoint(db, actor, key, new Date());
    expect(second?.sequence).toBe(44);
    const leaves = await sealedLeaves(db, a.companyId);
    expect(second?.merkleRoot).toBe(merkleRoot(leaves.slice(0, 44)));
    const next = await treeNow();
    expect(next.size).toBe(44);
    expect(next.root()).toBe(second?.merkleRoot);
  });

  it('signs checkpoints that verify only with their key, and proves one event against one', async () => {
    const a = await makeCompany('Zeta');
    await addEvents(a.companyId, 20, 5);
    const checkpoint = await signCompanyCheckpoint(
      db,
      { companyId: a.companyId, actorId: null },
      key,
      new Date(),
    );
    expect(checkpoint?.sequence).toBe(21);
    // Nothing new since: the next periodic run signs nothing.
    await sealCompanyLog(db, a.companyId);
    expect(
      await signCompanyCheckpoint(db, { companyId: a.companyId, actorId: null }, key, new Date()),
    ).toBeNull();

    const other = signingKeyFromPem(generateSigningKeyPem());
    expect(
      verifyBundleText(await bundleOf(a.companyId), { trustedPublicKey: other.publicKey }),
    ).toMatchObject({
      intact: false,
      firstBrokenSeq: 1,
    });

    const eventId = await eventIdAt(a.companyId, 13);
    const proof = await proveInclusion(db, a.companyId, { eventId, sensitive: 'digested' });
    if (!proof) throw new Error('no proof');
    expect(proof.treeSize).toBe(21);
    expect(verifyInclusionProof(proof, key.publicKey)).toEqual({ valid: true, reason: null });
    expect(verifyInclusionProof(proof, other.publicKey).valid).toBe(false);
    const tampered = { ...proof, event: { ...proof.event, entityId: randomUUID() } };
    expect(verifyInclusionProof(tampered, key.publicKey).reason).toMatch(/link hash/);
    const wrongPath = {
      ...proof,
      path: proof.path.map((hash, index) => (index === 0 ? '0'.repeat(64) : hash)),
    };
    expect(verifyInclusionProof(wrongPath, key.publicKey).reason).toMatch(/signed root/);
  });
});
