import { listAudit } from '../../services/audit/audit-queries.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { auditListInput, auditListOutput } from './audit-schemas.ts';

/** Admins read the company's audit log: filter by action, actor, entity and time. */
export const listAuditProcedure = roleProcedure('ADMIN')
  .input(auditListInput)
  .output(auditListOutput)
  .query(({ ctx, input }) => listAudit(ctx.db, ctx.actor, input));
