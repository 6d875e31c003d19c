import { updateCompanySettings } from '../../services/company/company-service.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { companyOutput, updateCompanySettingsInput } from './company-schemas.ts';

/** Name and IANA timezone; only changed settings are recorded. */
export const updateCompanySettingsProcedure = roleProcedure('ADMIN')
  .input(updateCompanySettingsInput)
  .output(companyOutput)
  .mutation(({ ctx, input }) => updateCompanySettings(ctx.deps, ctx.actor, input));
