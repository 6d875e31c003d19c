import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { SelectField } from '../ui/select-field.tsx';
import { groupedTimeZones, timeIn } from './time-zones.ts';

type TimeZoneFieldProps = {
  value: string;
  onValueChange: (value: string) => void;
  error: string | undefined;
  /** What follows this zone; the current time there is added after it. */
  hint: ReactNode;
};

/** Every zone the browser knows, grouped by region, plus the chosen one even if this browser lacks it. */
export function TimeZoneField({ value, onValueChange, error, hint }: TimeZoneFieldProps) {
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
          {hint}
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
