import { router } from '../../trpc/init.ts';
import { getCompanyProcedure } from './get-company.ts';
import { updateCompanySettingsProcedure } from './update-company-settings.ts';

export const companyRouter = router({
  get: getCompanyProcedure,
  updateSettings: updateCompanySettingsProcedure,
});
