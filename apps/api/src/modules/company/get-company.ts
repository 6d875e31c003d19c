import { getCompany } from '../../services/company/company-service.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { companyOutput } from './company-schemas.ts';

/** Name, slug and timezone of the caller's company; any role. */
export const getCompanyProcedure = tenantProcedure
  .output(companyOutput)
  .query(({ ctx }) => getCompany(ctx.deps, ctx.actor));
