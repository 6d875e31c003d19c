/**
 * The daily check-in form: its fixed pain-location list, its limits and one pure validator.
 * The API builds its zod schema from the same constants, so the two never disagree on ranges.
 */

export const PAIN_LOCATIONS = [
  'head',
  'neck',
  'shoulder_left',
  'shoulder_right',
  'upper_back',
  'lower_back',
  'chest',
  'elbow_left',
  'elbow_right',
  'wrist_hand_left',
  'wrist_hand_right',
  'hip_left',
  'hip_right',
  'knee_left',
  'knee_right',
  'ankle_foot_left',
  'ankle_foot_right',
  'other',
] as const;

export type PainLocation = (typeof PAIN_LOCATIONS)[number];

export const PAIN_LOCATION_LABELS: Readonly<Record<PainLocation, string>> = {
  head: 'Head',
  neck: 'Neck',
  shoulder_left: 'Left shoulder',
  shoulder_right: 'Right shoulder',
  upper_back: 'Upper back',
  lower_back: 'Lower back',
  chest: 'Chest',
  elbow_left: 'Left elbow',
  elbow_right: 'Right elbow',
  wrist_hand_left: 'Left wrist / hand',
  wrist_hand_right: 'Right wrist / hand',
  hip_left: 'Left hip',
  hip_right: 'Right hip',
  knee_left: 'Left knee',
  knee_right: 'Right knee',
  ankle_foot_left: 'Left ankle / foot',
  ankle_foot_right: 'Right ankle / foot',
  other: 'Other',
};

export const HOURS_SLEPT_MIN = 0;
export const HOURS_SLEPT_MAX = 15;
/** Hours are entered in half hours; anything finer is false precision for a self-report. */
export const HOURS_SLEPT_STEP = 0.5;
export const SLEEP_QUALITY_MIN = 1;
export const SLEEP_QUALITY_MAX = 10;
export const STRESS_LEVEL_MIN = 1;
export const STRESS_LEVEL_MAX = 10;
export const PHYSICAL_CONDITION_MIN = 1;
export const PHYSICAL_CONDITION_MAX = 10;
export const PAIN_LEVEL_MIN = 0;
export const PAIN_LEVEL_MAX = 10;
/** Counted in UTF-16 code units, like zod's `.max()` and the HTML `maxlength` attribute. */
export const NOTES_MAX_LENGTH = 500;

export interface CheckInInputs {
  hoursSlept: number;
  sleepQuality: number;
  /** 10 = most stressed. */
  stressLevel: number;
  physicalCondition: number;
  painLevel: number;
  painLocation?: PainLocation | null;
  notes?: string | null;
}

/** A validated check-in: optional fields are settled to a value or null. */
export interface ValidCheckInInputs extends CheckInInputs {
  painLocation: PainLocation | null;
  notes: string | null;
}

export type CheckInField = keyof CheckInInputs;

export interface CheckInFieldError {
  field: CheckInField;
  message: string;
}

export type CheckInValidationResult =
  | { ok: true; value: ValidCheckInInputs }
  | { ok: false; errors: CheckInFieldError[] };

export function isPainLocation(value: unknown): value is PainLocation {
  return typeof value === 'string' && (PAIN_LOCATIONS as readonly string[]).includes(value);
}

function isHalfHourInRange(value: number): boolean {
  // Dividing by the step keeps the test exact: 7.5 / 0.5 is exactly 15 in floating point.
  return (
    value >= HOURS_SLEPT_MIN &&
    value <= HOURS_SLEPT_MAX &&
    Number.isInteger(value / HOURS_SLEPT_STEP)
  );
}

function isWholeNumberBetween(min: number, max: number): (value: number) => boolean {
  return (value) => Number.isInteger(value) && value >= min && value <= max;
}

const rangeMessage = (field: CheckInField, min: number, max: number): string =>
  `${field} must be a whole number between ${min} and ${max}`;

/**
 * Validates raw input (a request body or the browser form state) without coercion.
 * All problems are reported at once so a form can mark every bad field.
 * Notes are trimmed and blank notes become null; a pain location sent with pain 0 is
 * dropped (null) rather than rejected, because a form moved back to 0 still sends it.
 */
export function validateCheckInInputs(input: unknown): CheckInValidationResult {
  const raw: Record<string, unknown> = isRecord(input) ? input : {};
  const errors: CheckInFieldError[] = [];
  const readNumber = (
    field: CheckInField,
    isValid: (value: number) => boolean,
    message: string,
  ): number | undefined => {
    const value = raw[field];
    if (value === undefined || value === null) {
      errors.push({ field, message: `${field} is required` });
      return undefined;
    }
    if (typeof value !== 'number' || !isValid(value)) {
      errors.push({ field, message });
      return undefined;
    }
    return value;
  };

  const hoursSlept = readNumber(
    'hoursSlept',
    isHalfHourInRange,
    `hoursSlept must be between ${HOURS_SLEPT_MIN} and ${HOURS_SLEPT_MAX} in half hours`,
  );
  const sleepQuality = readNumber(
    'sleepQuality',
    isWholeNumberBetween(SLEEP_QUALITY_MIN, SLEEP_QUALITY_MAX),
    rangeMessage('sleepQuality', SLEEP_QUALITY_MIN, SLEEP_QUALITY_MAX),
  );
  const stressLevel = readNumber(
    'stressLevel',
    isWholeNumberBetween(STRESS_LEVEL_MIN, STRESS_LEVEL_MAX),
    rangeMessage('stressLevel', STRESS_LEVEL_MIN, STRESS_LEVEL_MAX),
  );
  const physicalCondition = readNumber(
    'physicalCondition',
    isWholeNumberBetween(PHYSICAL_CONDITION_MIN, PHYSICAL_CONDITION_MAX),
    rangeMessage('physicalCondition', PHYSICAL_CONDITION_MIN, PHYSICAL_CONDITION_MAX),
  );
  const painLevel = readNumber(
    'painLevel',
    isWholeNumberBetween(PAIN_LEVEL_MIN, PAIN_LEVEL_MAX),
    rangeMessage('painLevel', PAIN_LEVEL_MIN, PAIN_LEVEL_MAX),
  );

  // An invalid painLevel is reported on its own field; only a usable one decides the location rule.
  const hasPain = painLevel !== undefined && painLevel > 0;
  const painLocation = readPainLocation(raw.painLocation);
  if (painLocation === 'invalid') {
    errors.push({
      field: 'painLocation',
      message: 'painLocation must be one of the listed body areas',
    });
  } else if (hasPain && painLocation === null) {
    errors.push({
      field: 'painLocation',
      message: 'painLocation is required when painLevel is above 0',
    });
  }

  const notes = readNotes(raw.notes);
  if (notes === 'not-text') {
    errors.push({ field: 'notes', message: 'notes must be text' });
  } else if (notes !== null && notes.length > NOTES_MAX_LENGTH) {
    errors.push({
      field: 'notes',
      message: `notes must be at most ${NOTES_MAX_LENGTH} characters`,
    });
  }

  if (
    errors.length > 0 ||
    hoursSlept === undefined ||
    sleepQuality === undefined ||
    stressLevel === undefined ||
    physicalCondition === undefined ||
    painLevel === undefined ||
    painLocation === 'invalid' ||
    notes === 'not-text'
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      hoursSlept,
      sleepQuality,
      stressLevel,
      physicalCondition,
      painLevel,
      painLocation: hasPain ? painLocation : null,
      notes,
    },
  };
}

function readPainLocation(value: unknown): PainLocation | null | 'invalid' {
  if (value === undefined || value === null || value === '') {
    return null;
  }
  return isPainLocation(value) ? value : 'invalid';
}

/** Trimmed notes, null when blank or absent. */
function readNotes(value: unknown): string | null | 'not-text' {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'string') {
    return 'not-text';
  }
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
