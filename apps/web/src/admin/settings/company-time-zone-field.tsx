import { useMemo } from 'react';
import { groupedTimeZones, timeIn } from '../../auth/time-zones.ts';
import { SelectField } from '../../ui/select-field.tsx';

type CompanyTimeZoneFieldProps = {
  value: string;
  onValueChange: (value: string) => void;
  error: string | undefined;
};

/** Every zone the browser knows, plus the company's own even if this browser lacks it. */
export function CompanyTimeZoneField({ value, onValueChange, error }: CompanyTimeZoneFieldProps) {
  const groups = useMemo(() => groupedTimeZones(value), [value]);
  const localTime = timeIn(value, new Date());
  return (
    <SelectField
      label="Timezone"
      value={value}
      onValueChange={onValueChange}
      error={error}
      required
      hint={
        <>
          Check-in windows, dates and the audit log follow this clock.
          {localTime && ` It is ${localTime} there now.`}
        </>
      }
    >
      {groups.map((group) => (
        <optgroup key={group.region} label={group.region}>
          {group.zones.map((zone) => (
            <option key={zone.value} value={zone.value}>
              {zone.label}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
