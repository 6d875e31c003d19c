import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BundleCheckpoint, BundleEvent, BundleLine } from './bundle-format.ts';
import { GENESIS_HASH, linkHash, payloadDigest } from './chain-link.ts';
import {
  generateSigningKeyPem,
  signCheckpoint,
  signingKeyFromPem,
} from './checkpoint-signature.ts';
import { type InclusionProof, verifyInclusionProof } from './inclusion-proof.ts';
import { inclusionPath, leafHash, merkleRoot } from './merkle.ts';
import { verifyBundleText } from './verify-bundle.ts';

// The offline verifier on bundles built in memory (no database): every kind of tampering the
// issue names is found at the right first sequence.

const key = signingKeyFromPem(generateSigningKeyPem());
const otherKey = signingKeyFromPem(generateSigningKeyPem());
const companyId = randomUUID();

function chain(count: number): BundleEvent[] {
  const events: BundleEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const payload = { id: randomUUID(), name: `Day ${seq} – Zoë 😀`, recurring: seq % 2 === 0 };
    const fields = {
      id: randomUUID(),
      type: 'HOLIDAY_CREATED',
      entityType: 'holiday',
      entityId: payload.id,
      actorId: null,
      actorTokenId: null,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      schemaVersion: 1,
      payloadDigest: payloadDigest(payload),
    };
    const hash = linkHash({ ...fields, companyId, seq, prevHash, eventId: fields.id });
    events.push({ kind: 'event', seq, prevHash, hash, ...fields, payload, redacted: false });
    prevHash = hash;
  }
  return events;
}

function checkpointAt(events: BundleEvent[], sequence: number, signer = key): BundleCheckpoint {
  const links = events.slice(0, sequence);
  const signed = signCheckpoint(signer, {
    companyId,
    sequence,
    headHash: links.at(-1)?.hash ?? GENESIS_HASH,
    merkleRoot: merkleRoot(links.map((event) => leafHash(event.hash))),
    signedAt: '2026-01-02T00:00:00.000Z',
  });
  return { kind: 'checkpoint', id: randomUUID(), ...signed };
}

function bundle(events: BundleEvent[], checkpoints: BundleCheckpoint[]): string {
  const lines: BundleLine[] = [
    {
      kind: 'header',
      format: 'aegira-audit-bundle',
      version: 1,
      companyId,
      companySlug: 'acme',
      exportedAt: '2026-01-03T00:00:00.000Z',
      publicKey: key.publicKey,
      keyId: key.keyId,
      sensitive: 'digested',
    },
    ...checkpoints,
    ...events,
    { kind: 'end', events: events.length, unsealed: 0 },
  ];
  return lines.map((line) => JSON.stringify(line)).join('\n');
}

const verify = (text: string) => verifyBundleText(text, { trustedPublicKey: key.publicKey });

/** Recomputes every link from `from` on, as someone without the key would after an edit. */
function rehash(events: BundleEvent[], from: number): BundleEvent[] {
  let prevHash = events[from - 2]?.hash ?? GENESIS_HASH;
  return events.map((event) => {
    if (event.seq < from) return event;
    const digest = payloadDigest(event.payload);
    const hash = linkHash({
      companyId,
      seq: event.seq,
      prevHash,
      eventId: event.id,
      type: event.type ?? '',
      entityType: event.entityType ?? '',
      entityId: event.entityId ?? '',
      actorId: event.actorId ?? null,
      actorTokenId: event.actorTokenId ?? null,
      createdAt: event.createdAt ?? '',
      schemaVersion: event.schemaVersion ?? 1,
      payloadDigest: digest,
    });
    const rewritten = { ...event, prevHash, hash, payloadDigest: digest };
    prevHash = hash;
    return rewritten;
  });
}

describe('the offline verifier', () => {
  const events = chain(40);
  const checkpoints = [checkpointAt(events, 20), checkpointAt(events, 40)];

  it('finds an untouched bundle intact up to its last checkpoint', () => {
    expect(verify(bundle(events, checkpoints))).toMatchObject({
      intact: true,
      firstBrokenSeq: null,
      verifiedThrough: 40,
      intactUpToCheckpoint: 40,
      checkpoints: 2,
      events: 40,
      keySource: 'trusted',
      headHash: events.at(-1)?.hash,
    });
  });

  it('a changed payload byte is found at its sequence', () => {
    const changed = events.map((event) =>
      event.seq === 17
        ? { ...event, payload: { ...(event.payload as object), name: 'Xay 17' } }
        : event,
    );
    expect(verify(bundle(changed, checkpoints))).toMatchObject({
      intact: false,
      firstBrokenSeq: 17,
      intactUpToCheckpoint: null,
    });
  });

  it('a changed field the chain commits to (the actor) is found at its sequence', () => {
    const changed = events.map((event) =>
      event.seq === 25 ? { ...event, actorId: randomUUID() } : event,
    );
    expect(verify(bundle(changed, checkpoints))).toMatchObject({
      firstBrokenSeq: 25,
      intactUpToCheckpoint: 20,
    });
  });

  it('a deleted row is found at the missing sequence', () => {
    const deleted = events.filter((event) => event.seq !== 9);
    const report = verify(bundle(deleted, checkpoints));
    expect(report).toMatchObject({ intact: false, firstBrokenSeq: 9 });
    expect(report.reason).toContain('seq 9 is missing');
  });

  it('two swapped sequences are found at the first of them', () => {
    const swapped = events.map((event) => {
      const partner = event.seq === 30 ? events[30] : event.seq === 31 ? events[29] : undefined;
      return partner ? { ...partner, seq: event.seq } : event;
    });
    expect(verify(bundle(swapped, checkpoints))).toMatchObject({
      firstBrokenSeq: 30,
      intactUpToCheckpoint: 20,
    });
  });

  it('a truncated tail below a signed checkpoint is found at the first missing sequence', () => {
    const truncated = events.slice(0, 33);
    const report = verify(bundle(truncated, checkpoints));
    expect(report).toMatchObject({ intact: false, firstBrokenSeq: 34, intactUpToCheckpoint: 20 });
    expect(report.reason).toContain('tail is missing');
  });

  it('a chain rewritten without the key is caught at the next checkpoint, after the last good one', () => {
    const edited = events.map((event) =>
      event.seq === 27
        ? { ...event, payload: { ...(event.payload as object), name: 'forged' } }
        : event,
    );
    const report = verify(bundle(rehash(edited, 27), checkpoints));
    expect(report).toMatchObject({ intact: false, firstBrokenSeq: 21, intactUpToCheckpoint: 20 });
    expect(report.reason).toContain('checkpoint 40');
  });

  it('a checkpoint signed with another key, or re-signed over a forged chain by it, does not verify', () => {
    const forged = [checkpointAt(events, 20), checkpointAt(events, 40, otherKey)];
    expect(verify(bundle(events, forged))).toMatchObject({
      intact: false,
      firstBrokenSeq: 21,
      intactUpToCheckpoint: 20,
    });
    // Trusting the bundle's own key is what an auditor must not do: the report says so.
    expect(verifyBundleText(bundle(events, checkpoints)).keySource).toBe('bundle');
  });

  it('a redacted payload verifies through its digest; a bundle cut short does not', () => {
    const redacted = events.map((event) =>
      event.seq === 5
        ? { ...event, payload: { name: '[digest sha256:00]' }, redacted: true }
        : event,
    );
    expect(verify(bundle(redacted, checkpoints))).toMatchObject({
      intact: true,
      redactedPayloads: 1,
    });
    const text = bundle(events, checkpoints);
    const cut = text.split('\n').slice(0, -1).join('\n');
    expect(verify(cut)).toMatchObject({ intact: false });
    expect(verify(cut).reason).toContain('no end line');
  });

  it('a line that is not JSON is reported, not thrown', () => {
    const lines = bundle(events, checkpoints).split('\n');
    // After the header, two checkpoints and seqs 1 and 2: seq 3 is the first not verified.
    lines.splice(5, 0, '{not json');
    const report = verify(lines.join('\n'));
    expect(report).toMatchObject({ intact: false, firstBrokenSeq: 3 });
    expect(report.reason).toContain('line 6 is not JSON');
  });
});

describe('inclusion proofs (offline)', () => {
  const events = chain(21);
  const checkpoint = checkpointAt(events, 21);
  const proofOf = (seq: number): InclusionProof => {
    const event = events[seq - 1];
    if (!event) throw new Error('event');
    return {
      format: 'aegira-inclusion-proof',
      version: 1,
      companyId,
      event,
      treeSize: 21,
      path: inclusionPath(
        events.map((link) => leafHash(link.hash)),
        seq - 1,
      ),
      checkpoint,
    };
  };

  it('proves every event of the tree against the signed root', () => {
    for (let seq = 1; seq <= 21; seq += 1) {
      expect(verifyInclusionProof(proofOf(seq), key.publicKey)).toEqual({
        valid: true,
        reason: null,
      });
    }
  });

  it('refuses a changed event, a wrong path, another key or another checkpoint size', () => {
    const proof = proofOf(8);
    const changed = { ...proof, event: { ...proof.event, payload: { name: 'forged' } } };
    expect(verifyInclusionProof(changed, key.publicKey).reason).toContain('digest');
    const wrongPath = { ...proof, path: proofOf(9).path };
    expect(verifyInclusionProof(wrongPath, key.publicKey).reason).toContain('signed root');
    expect(verifyInclusionProof(proof, otherKey.publicKey).reason).toContain('signature');
    expect(verifyInclusionProof({ ...proof, treeSize: 20 }, key.publicKey).valid).toBe(false);
  });
});
