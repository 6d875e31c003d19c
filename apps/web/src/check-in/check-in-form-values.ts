import { type PainLocation, validateCheckInInputs } from '@aegira/domain';
import type { CheckIn, CheckInInput } from './check-in-types.ts';

/** The form's state: sliders always hold a number, the select and textarea hold text. */
export type CheckInFormValues = {
  hoursSlept: number;
  sleepQuality: number;
  stressLevel: number;
  physicalCondition: number;
  painLevel: number;
  /** '' while no location is chosen: a select needs a value for "none yet". */
  painLocation: PainLocation | '';
  notes: string;
};

export type CheckInFormField = keyof CheckInFormValues;

/** Also the input paths the server reports field errors under. */
export const checkInFormFields: readonly CheckInFormField[] = [
  'hoursSlept',
  'sleepQuality',
  'stressLevel',
  'physicalCondition',
  'painLevel',
  'painLocation',
  'notes',
];

export const checkInFieldLabels: Record<CheckInFormField, string> = {
  hoursSlept: 'Hours slept',
  sleepQuality: 'Sleep quality',
  stressLevel: 'Stress level',
  physicalCondition: 'Physical condition',
  painLevel: 'Pain level',
  painLocation: 'Pain location',
  notes: 'Notes',
};

/** A message per invalid field; valid fields are absent. */
export type CheckInFieldErrors = Partial<Record<CheckInFormField, string>>;

// A fresh form starts in the middle of each scale rather than at a "good" answer,
// so an untouched slider does not quietly report a great night and no stress.
export const newCheckInValues: CheckInFormValues = {
  hoursSlept: 7,
  sleepQuality: 5,
  stressLevel: 5,
  physicalCondition: 5,
  painLevel: 0,
  painLocation: '',
  notes: '',
};

/** The form prefilled with a stored check-in, for amending it (a fresh form once erased). */
export function valuesFromCheckIn(inputs: CheckIn['inputs']): CheckInFormValues {
  if (inputs === null) return newCheckInValues;
  return {
    hoursSlept: inputs.hoursSlept,
    sleepQuality: inputs.sleepQuality,
    stressLevel: inputs.stressLevel,
    physicalCondition: inputs.physicalCondition,
    painLevel: inputs.painLevel,
    painLocation: inputs.painLocation ?? '',
    notes: inputs.notes ?? '',
  };
}

/**
 * What the API receives. A location left over from moving pain back to 0 is dropped,
 * and blank notes are sent as null, as the server would settle them anyway.
 */
export function toCheckInInput(values: CheckInFormValues): CheckInInput {
  const notes = values.notes.trim();
  return {
    hoursSlept: values.hoursSlept,
    sleepQuality: values.sleepQuality,
    stressLevel: values.stressLevel,
    physicalCondition: values.physicalCondition,
    painLevel: values.painLevel,
    painLocation: values.painLevel > 0 && values.painLocation !== '' ? values.painLocation : null,
    notes: notes === '' ? null : notes,
  };
}

const fieldNamePattern = new RegExp(`\\b(${checkInFormFields.join('|')})\\b`, 'gi');

function labelOf(name: string): string {
  const field = checkInFormFields.find(
    (candidate) => candidate.toLowerCase() === name.toLowerCase(),
  );
  return field ? checkInFieldLabels[field] : name;
}

/**
 * The shared validator names fields as code does ("painLocation is required when
 * painLevel is above 0"); people read "Pain location is required when pain level is above 0."
 */
export function humanizeFieldMessage(message: string): string {
  const replaced = message
    .trim()
    .replace(fieldNamePattern, (name, _group: string, offset: number) =>
      offset === 0 ? labelOf(name) : labelOf(name).toLowerCase(),
    );
  return /[.!?]$/.test(replaced) ? replaced : `${replaced}.`;
}

/** The same rules the server applies (packages/domain), checked before asking it. */
export function validateCheckInValues(values: CheckInFormValues): CheckInFieldErrors {
  const result = validateCheckInInputs(toCheckInInput(values));
  if (result.ok) return {};
  const errors: CheckInFieldErrors = {};
  for (const error of result.errors) {
    errors[error.field] ??= humanizeFieldMessage(error.message);
  }
  return errors;
}

/** Server field errors (keyed by input path) beside the form's fields, in words people read. */
export function humanizeFieldErrors(fields: Partial<Record<string, string>>): CheckInFieldErrors {
  const errors: CheckInFieldErrors = {};
  for (const field of checkInFormFields) {
    const message = fields[field];
    if (message !== undefined) errors[field] = humanizeFieldMessage(message);
  }
  return errors;
}
