import type { Db } from '../client.ts';
import type { BundleCheckpoint, BundleEvent } from './bundle-format.ts';
import { linkHash, payloadDigest } from './chain-link.ts';
import { verifyCheckpointSignature } from './checkpoint-signature.ts';
import { exportCompanyBundle } from './export-bundle.ts';
import { inclusionPath, leafHash, rootFromPath } from './merkle.ts';
import { sealedLeaves } from './sign-checkpoint.ts';

// One event proven against one signed checkpoint (docs/decisions/017): the event as the bundle
// shows it, its link, and the Merkle audit path from its leaf to the checkpoint's root. The
// auditor needs nothing else but the public key.

export interface InclusionProof {
  format: 'aegira-inclusion-proof';
  version: 1;
  companyId: string;
  event: BundleEvent;
  treeSize: number;
  path: string[];
  checkpoint: BundleCheckpoint;
}

export interface ProveOptions {
  eventId: string;
  /** The checkpoint to prove against; the latest covering the event when omitted. */
  checkpointSequence?: number;
  sensitive: 'shown' | 'digested';
}

/** Builds the proof from the live chain; null if the event is not sealed under a checkpoint. */
export async function proveInclusion(
  db: Db,
  companyId: string,
  options: ProveOptions,
): Promise<InclusionProof | null> {
  let event: BundleEvent | undefined;
  const checkpoints: BundleCheckpoint[] = [];
  // The exporter's own event line, so a proof redacts exactly as a bundle does.
  await exportCompanyBundle(
    db,
    companyId,
    {
      companySlug: '',
      sensitive: options.sensitive,
      publicKey: null,
      keyId: null,
      now: new Date(),
    },
    (line) => {
      if (line.kind === 'checkpoint') checkpoints.push(line);
      if (line.kind === 'event' && line.id === options.eventId) event = line;
    },
  );
  if (!event) return null;
  const seq = event.seq;
  const checkpoint = checkpoints
    .filter((candidate) =>
      options.checkpointSequence === undefined
        ? candidate.sequence >= seq
        : candidate.sequence === options.checkpointSequence,
    )
    .at(-1);
  if (!checkpoint || checkpoint.sequence < seq) return null;
  const leaves = await sealedLeaves(db, companyId);
  const tree = leaves.slice(0, checkpoint.sequence);
  return {
    format: 'aegira-inclusion-proof',
    version: 1,
    companyId,
    event,
    treeSize: tree.length,
    path: inclusionPath(tree, seq - 1),
    checkpoint,
  };
}

export interface InclusionReport {
  valid: boolean;
  reason: string | null;
}

/** Checks a proof offline against the auditor's public key. */
export function verifyInclusionProof(
  proof: InclusionProof,
  trustedPublicKey: string,
): InclusionReport {
  const { event, checkpoint } = proof;
  const fail = (reason: string) => ({ valid: false, reason });
  if (!verifyCheckpointSignature(checkpoint, trustedPublicKey)) {
    return fail('the checkpoint signature does not verify with the trusted key');
  }
  if (checkpoint.companyId !== proof.companyId || checkpoint.sequence !== proof.treeSize) {
    return fail('the proof is not for this checkpoint');
  }
  if (
    event.missing ||
    event.type === undefined ||
    event.entityType === undefined ||
    event.entityId === undefined ||
    event.actorId === undefined ||
    event.actorTokenId === undefined ||
    event.createdAt === undefined ||
    event.schemaVersion === undefined ||
    event.payloadDigest === undefined
  ) {
    return fail('the event lacks fields its link commits to');
  }
  if (!event.redacted && payloadDigest(event.payload) !== event.payloadDigest) {
    return fail('the payload does not match its digest');
  }
  const hash = linkHash({
    companyId: proof.companyId,
    seq: event.seq,
    prevHash: event.prevHash,
    eventId: event.id,
    type: event.type,
    entityType: event.entityType,
    entityId: event.entityId,
    actorId: event.actorId,
    actorTokenId: event.actorTokenId,
    createdAt: event.createdAt,
    schemaVersion: event.schemaVersion,
    payloadDigest: event.payloadDigest,
  });
  if (hash !== event.hash) return fail('the event does not match its link hash');
  const root = rootFromPath(leafHash(hash), event.seq - 1, proof.treeSize, proof.path);
  if (root !== checkpoint.merkleRoot)
    return fail('the audit path does not lead to the signed root');
  return { valid: true, reason: null };
}
