import { auditChain, type Db, withTenant } from '@aegira/db';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { auditSigningKey, requireAuditSigningKey } from './signing-key.ts';

// What an admin sees of the company's tamper-evident log (issue 15): the latest signed
// checkpoint, how much of the log is sealed, and which key signs; and signing one now.

export interface CheckpointDto {
  id: string;
  sequence: number;
  headHash: string;
  merkleRoot: string;
  signedAt: string;
  keyId: string;
  /** Signed by an admin (null: by the periodic job or a command-line export). */
  signedById: string | null;
}

export interface AuditIntegrityDto {
  checkpoint: CheckpointDto | null;
  /** Checkpoints signed so far. */
  checkpoints: number;
  /** Events in the log, and those linked into the chain (the rest are sealed within a minute). */
  events: number;
  sealed: number;
  /** The fingerprint (key id) of the key signing now; null when none is configured. */
  signingKeyId: string | null;
  /** Its public key (SPKI DER, base64url), to hand to an auditor out of band. */
  publicKey: string | null;
}

export async function auditIntegrity(db: Db, actor: Actor): Promise<AuditIntegrityDto> {
  const companyId = actor.companyId;
  const { latest, checkpoints, events, sealed } = await withTenant(db, companyId, async (read) => {
    const latest = await read.auditCheckpoint.findFirst({
      where: { companyId },
      orderBy: [{ sequence: 'desc' }, { signedAt: 'desc' }],
    });
    const counts = await read.$queryRaw<
      Array<{ events: string; sealed: string | null; checkpoints: string }>
    >`
      SELECT (SELECT count(*)::text FROM events WHERE company_id = ${companyId}::uuid) AS events,
             (SELECT max(seq)::text FROM event_seals WHERE company_id = ${companyId}::uuid) AS sealed,
             (SELECT count(*)::text FROM audit_checkpoints
              WHERE company_id = ${companyId}::uuid) AS checkpoints`;
    const row = counts[0];
    return {
      latest,
      events: Number(row?.events ?? 0),
      sealed: Number(row?.sealed ?? 0),
      checkpoints: Number(row?.checkpoints ?? 0),
    };
  });
  let key: auditChain.SigningKey | null = null;
  try {
    key = auditSigningKey();
  } catch {
    // Shown as "no key configured"; signing then says what to do.
  }
  return {
    checkpoint: latest
      ? {
          id: latest.id,
          sequence: Number(latest.sequence),
          headHash: latest.headHash,
          merkleRoot: latest.merkleRoot,
          signedAt: latest.signedAt.toISOString(),
          keyId: latest.keyId,
          signedById: latest.signedById,
        }
      : null,
    checkpoints,
    events,
    sealed,
    signingKeyId: key?.keyId ?? null,
    publicKey: key?.publicKey ?? null,
  };
}

export interface SignCheckpointDto {
  /** False when the head was already signed (nothing new since the last checkpoint). */
  signed: boolean;
  integrity: AuditIntegrityDto;
}

/** Seals what is pending and signs the head now, as the admin; then seals the checkpoint too. */
export async function signCheckpointNow(
  deps: ServiceDeps,
  actor: Actor,
): Promise<SignCheckpointDto> {
  const key = requireAuditSigningKey();
  const now = deps.now?.() ?? new Date();
  const signed = await auditChain.signCompanyCheckpoint(deps.db, commandActor(actor), key, now);
  // The checkpoint is an event: link it at once, so the counts shown include it.
  await auditChain.sealCompanyLog(deps.db, actor.companyId);
  return { signed: signed !== null, integrity: await auditIntegrity(deps.db, actor) };
}
