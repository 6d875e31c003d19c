import { canonicalTimeZone } from '@aegira/domain';
import { z } from 'zod';
import { companyOutput } from '../../services/company/company-service.ts';
import { timezoneInput } from '../auth/auth-schemas.ts';

export const updateCompanySettingsInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(2, 'must be at least 2 characters')
    .max(120, 'must be at most 120 characters')
    .optional(),
  // Stored in its canonical spelling, so 'europe/berlin' and 'Europe/Berlin' are one zone.
  timezone: timezoneInput.transform((zone) => canonicalTimeZone(zone) ?? zone).optional(),
});

export { companyOutput };
