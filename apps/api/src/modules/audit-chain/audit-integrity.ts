import { auditIntegrity } from '../../services/audit-chain/audit-integrity.ts';
import { adminSessionProcedure } from '../../trpc/init.ts';
import { auditIntegrityOutput } from './audit-chain-schemas.ts';

/** The latest signed checkpoint, sealed vs logged events, and the signing key's fingerprint. */
export const auditIntegrityProcedure = adminSessionProcedure
  .output(auditIntegrityOutput)
  .query(({ ctx }) => auditIntegrity(ctx.db, ctx.actor));
