import { auditChain, type Db } from '@aegira/db';
import { auditSigningKey } from './signing-key.ts';

/** The sealing job: every committed, unsealed event of the company joins its chain. */
export async function sealAuditLog(db: Db, companyId: string): Promise<number> {
  return (await auditChain.sealCompanyLog(db, companyId)).sealed;
}

/** The periodic checkpoint: signed by the system when the chain grew since the last one. */
export async function signPeriodicCheckpoint(
  db: Db,
  companyId: string,
  now: Date,
): Promise<number> {
  const signed = await auditChain.signCompanyCheckpoint(
    db,
    { companyId, actorId: null },
    auditSigningKey(),
    now,
  );
  return signed ? 1 : 0;
}
