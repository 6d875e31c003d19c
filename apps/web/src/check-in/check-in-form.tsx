import {
  HOURS_SLEPT_MAX,
  HOURS_SLEPT_MIN,
  HOURS_SLEPT_STEP,
  isPainLocation,
  PAIN_LEVEL_MAX,
  PAIN_LEVEL_MIN,
  PAIN_LOCATION_LABELS,
  PAIN_LOCATIONS,
  PHYSICAL_CONDITION_MAX,
  PHYSICAL_CONDITION_MIN,
  SLEEP_QUALITY_MAX,
  SLEEP_QUALITY_MIN,
  STRESS_LEVEL_MAX,
  STRESS_LEVEL_MIN,
} from '@aegira/domain';
import { Button } from '../ui/button.tsx';
import { FormAlert } from '../ui/form-alert.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { type CheckInFormValues, checkInFieldLabels } from './check-in-form-values.ts';
import { formatHours } from './format.ts';
import { NotesField } from './notes-field.tsx';
import { ReadinessPreview, ReadinessPreviewBar } from './readiness-preview.tsx';
import { SliderField } from './slider-field.tsx';
import { type CheckInOutcome, useCheckInForm } from './use-check-in-form.ts';

type CheckInFormProps = {
  mode: 'submit' | 'amend';
  initialValues: CheckInFormValues;
  onDone: (outcome: CheckInOutcome) => void;
  /** Amending only: back to today's result without saving. */
  onCancel?: () => void;
};

const outOfTen = (value: number) => `${value} / 10`;
const legendClassName = 'text-base font-semibold text-slate-900';

export function CheckInForm({ mode, initialValues, onDone, onCancel }: CheckInFormProps) {
  const { formRef, values, fieldErrors, formError, change, submit, pending } = useCheckInForm({
    mode,
    initialValues,
    onDone,
  });
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_19rem] lg:items-start"
    >
      <div className="space-y-8 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <FormAlert message={formError} />
        <fieldset className="space-y-6">
          <legend className={legendClassName}>Sleep</legend>
          <SliderField
            label={checkInFieldLabels.hoursSlept}
            value={values.hoursSlept}
            min={HOURS_SLEPT_MIN}
            max={HOURS_SLEPT_MAX}
            step={HOURS_SLEPT_STEP}
            valueText={formatHours}
            onValueChange={change('hoursSlept')}
            hint="Last night, to the nearest half hour."
            error={fieldErrors.hoursSlept}
          />
          <SliderField
            label={checkInFieldLabels.sleepQuality}
            value={values.sleepQuality}
            min={SLEEP_QUALITY_MIN}
            max={SLEEP_QUALITY_MAX}
            step={1}
            valueText={outOfTen}
            onValueChange={change('sleepQuality')}
            hint="1 = very poor, 10 = excellent."
            error={fieldErrors.sleepQuality}
          />
        </fieldset>
        <fieldset className="space-y-6">
          <legend className={legendClassName}>How you feel</legend>
          <SliderField
            label={checkInFieldLabels.stressLevel}
            value={values.stressLevel}
            min={STRESS_LEVEL_MIN}
            max={STRESS_LEVEL_MAX}
            step={1}
            valueText={outOfTen}
            onValueChange={change('stressLevel')}
            hint="1 = very calm, 10 = most stressed."
            error={fieldErrors.stressLevel}
          />
          <SliderField
            label={checkInFieldLabels.physicalCondition}
            value={values.physicalCondition}
            min={PHYSICAL_CONDITION_MIN}
            max={PHYSICAL_CONDITION_MAX}
            step={1}
            valueText={outOfTen}
            onValueChange={change('physicalCondition')}
            hint="How fit your body feels for work: 1 = very poor, 10 = excellent."
            error={fieldErrors.physicalCondition}
          />
        </fieldset>
        <fieldset className="space-y-6">
          <legend className={legendClassName}>Pain</legend>
          <SliderField
            label={checkInFieldLabels.painLevel}
            value={values.painLevel}
            min={PAIN_LEVEL_MIN}
            max={PAIN_LEVEL_MAX}
            step={1}
            valueText={(value) => (value === 0 ? 'No pain' : outOfTen(value))}
            onValueChange={change('painLevel')}
            hint="0 = no pain, 10 = worst pain imaginable."
            error={fieldErrors.painLevel}
          />
          {values.painLevel > 0 && (
            <SelectField
              label={checkInFieldLabels.painLocation}
              value={values.painLocation}
              onValueChange={(value) => change('painLocation')(isPainLocation(value) ? value : '')}
              hint="Where it hurts most."
              error={fieldErrors.painLocation}
              required
            >
              <option value="">Choose a body area</option>
              {PAIN_LOCATIONS.map((location) => (
                <option key={location} value={location}>
                  {PAIN_LOCATION_LABELS[location]}
                </option>
              ))}
            </SelectField>
          )}
        </fieldset>
        <NotesField
          value={values.notes}
          onValueChange={change('notes')}
          error={fieldErrors.notes}
        />
        <ReadinessPreviewBar values={values} />
      </div>
      <ReadinessPreview
        values={values}
        className="lg:sticky lg:top-6 lg:col-start-2 lg:row-span-2 lg:row-start-1"
      />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button type="submit" pending={pending} className="sm:min-w-44">
          {mode === 'submit' ? 'Submit check-in' : 'Save amendment'}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
