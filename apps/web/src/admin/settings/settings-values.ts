import type { RouterInputs, RouterOutputs } from '../../trpc/types.ts';

export type Company = RouterOutputs['company']['get'];
export type CompanySettingsInput = RouterInputs['company']['updateSettings'];
export type SettingsValues = { name: string; timezone: string };
export type SettingsErrors = Partial<Record<keyof SettingsValues, string | undefined>>;
export const settingsFields = ['name', 'timezone'] as const;

export function validateSettings(values: SettingsValues): SettingsErrors {
  const name = values.name.trim();
  return {
    name:
      name === ''
        ? 'Enter the company’s name.'
        : name.length < 2
          ? 'Use at least 2 characters.'
          : name.length > 120
            ? 'Use at most 120 characters.'
            : undefined,
    timezone: values.timezone === '' ? 'Choose a timezone.' : undefined,
  };
}

/** Only what changed, so an unchanged save records nothing; null when nothing did. */
export function settingsChanges(
  company: Company,
  values: SettingsValues,
): CompanySettingsInput | null {
  const name = values.name.trim();
  const changes: CompanySettingsInput = {
    ...(name === company.name ? {} : { name }),
    ...(values.timezone === company.timezone ? {} : { timezone: values.timezone }),
  };
  return Object.keys(changes).length === 0 ? null : changes;
}
