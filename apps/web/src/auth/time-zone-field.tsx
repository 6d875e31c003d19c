import { useMemo } from 'react';
import { SelectField } from '../ui/select-field.tsx';
import { browserTimeZone, groupedTimeZones, timeIn } from './time-zones.ts';

type TimeZoneFieldProps = {
  value: string;
  onValueChange: (value: string) => void;
  error: string | undefined;
};

export function TimeZoneField({ value, onValueChange, error }: TimeZoneFieldProps) {
  const groups = useMemo(() => groupedTimeZones(browserTimeZone()), []);
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
          Check-in windows and dates follow this timezone.
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
