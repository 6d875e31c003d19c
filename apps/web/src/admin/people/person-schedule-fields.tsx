import { WorkDaysField } from '../../schedule/work-days-field.tsx';
import { CheckboxField } from '../../ui/checkbox-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { PersonErrors, PersonFormValues } from './person-form-values.ts';

type PersonScheduleFieldsProps = {
  values: PersonFormValues;
  errors: PersonErrors;
  change: <F extends keyof PersonFormValues>(field: F) => (value: PersonFormValues[F]) => void;
};

/** A worker's personal window and work days; each left empty keeps the team's. */
export function PersonScheduleFields({ values, errors, change }: PersonScheduleFieldsProps) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-base font-semibold text-slate-900">Check-in schedule</legend>
      <CheckboxField
        label="Use a personal schedule"
        checked={values.ownSchedule}
        onCheckedChange={change('ownSchedule')}
        hint="Off: the team's check-in window and work days apply."
      />
      {values.ownSchedule && (
        <div className="space-y-4 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Window opens"
              type="time"
              value={values.windowStart}
              onValueChange={change('windowStart')}
              hint="Empty: the team's time."
              error={errors.windowStart}
            />
            <TextField
              label="Window closes"
              type="time"
              value={values.windowEnd}
              onValueChange={change('windowEnd')}
              hint="Empty: the team's time."
              error={errors.windowEnd}
            />
          </div>
          <WorkDaysField
            legend="Work days"
            value={values.workDays}
            onValueChange={change('workDays')}
            hint="None ticked: the team's work days."
            error={errors.workDays}
          />
        </div>
      )}
    </fieldset>
  );
}
