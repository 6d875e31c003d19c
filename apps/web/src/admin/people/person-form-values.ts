import { isValidHm, parseHm } from '@aegira/domain';
import type { Role } from '../../trpc/types.ts';
import type { CreatePersonInput, Person, UpdatePersonInput } from './people-types.ts';

export const MIN_PASSWORD_LENGTH = 12;

export type PersonFormValues = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  /** Create only: the role is changed later through its own action. */
  role: Role | '';
  /** Create only, for a WORKER; moves go through the team's page. */
  teamId: string;
  /** Off: the team's schedule applies and any override is cleared. */
  ownSchedule: boolean;
  /** Empty: the team's value for that field. */
  windowStart: string;
  windowEnd: string;
  /** None: the team's work days. */
  workDays: number[];
  /** Create only: the initial password the person signs in with. */
  password: string;
};

/** Each form field is also the input path the server names in its field errors. */
export type PersonField = keyof Omit<PersonFormValues, 'ownSchedule'>;
/** A message per invalid field; valid fields are absent or undefined. */
export type PersonErrors = Partial<Record<PersonField, string | undefined>>;

export const personFields: readonly PersonField[] = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'role',
  'teamId',
  'windowStart',
  'windowEnd',
  'workDays',
  'password',
];

export const emptyPersonValues: PersonFormValues = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  role: '',
  teamId: '',
  ownSchedule: false,
  windowStart: '',
  windowEnd: '',
  workDays: [],
  password: '',
};

export function personFormValues(person: Person): PersonFormValues {
  const override = person.scheduleOverride;
  return {
    ...emptyPersonValues,
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    phone: person.phone ?? '',
    role: person.role,
    teamId: person.team?.id ?? '',
    ownSchedule:
      override.windowStart !== null || override.windowEnd !== null || override.workDays.length > 0,
    windowStart: override.windowStart ?? '',
    windowEnd: override.windowEnd ?? '',
    workDays: [...override.workDays],
  };
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_PATTERN = /^\+?[0-9][0-9 ()./-]*$/;

function required(value: string, message: string): string | undefined {
  return value.trim() === '' ? message : undefined;
}

/** Only a worker belongs to a team, so only a worker has a schedule to override. */
export function hasSchedule(values: PersonFormValues): boolean {
  return values.role === 'WORKER';
}

function scheduleErrors(values: PersonFormValues): PersonErrors {
  if (!hasSchedule(values) || !values.ownSchedule) return {};
  const errors: PersonErrors = {};
  for (const field of ['windowStart', 'windowEnd'] as const) {
    const value = values[field];
    if (value !== '' && !isValidHm(value)) errors[field] = 'Enter a time such as 07:30.';
  }
  const { windowStart, windowEnd } = values;
  if (!errors.windowStart && !errors.windowEnd && windowStart !== '' && windowEnd !== '') {
    if (parseHm(windowEnd) <= parseHm(windowStart)) {
      errors.windowEnd = 'The window must close after it opens.';
    }
  }
  return errors;
}

/** The checks the browser can make; the server checks again, with the team's schedule too. */
export function validatePersonForm(
  values: PersonFormValues,
  mode: 'create' | 'edit',
): PersonErrors {
  const errors: PersonErrors = {
    firstName: required(values.firstName, 'Enter a first name.'),
    lastName: required(values.lastName, 'Enter a last name.'),
    email:
      required(values.email, 'Enter an email address.') ??
      (EMAIL_PATTERN.test(values.email.trim()) ? undefined : 'Enter a valid email address.'),
    phone:
      values.phone.trim() === '' || PHONE_PATTERN.test(values.phone.trim())
        ? undefined
        : 'Use digits, spaces and + ( ) - . / only.',
    ...scheduleErrors(values),
  };
  if (mode === 'create') {
    errors.role = values.role === '' ? 'Choose a role.' : undefined;
    errors.teamId =
      values.role === 'WORKER' && values.teamId === ''
        ? 'Choose the team this worker joins.'
        : undefined;
    errors.password =
      values.password.length < MIN_PASSWORD_LENGTH
        ? `Use at least ${MIN_PASSWORD_LENGTH} characters.`
        : undefined;
  }
  return errors;
}

export function hasErrors(errors: PersonErrors): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}

/** The override as the API takes it: null and [] give the field back to the team. */
function scheduleInput(values: PersonFormValues) {
  const own = values.ownSchedule;
  return {
    windowStart: own && values.windowStart !== '' ? values.windowStart : null,
    windowEnd: own && values.windowEnd !== '' ? values.windowEnd : null,
    workDays: own ? [...values.workDays] : [],
  };
}

export function toCreatePersonInput(values: PersonFormValues, role: Role): CreatePersonInput {
  const phone = values.phone.trim();
  const schedule = scheduleInput(values);
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim(),
    role,
    password: values.password,
    ...(phone === '' ? {} : { phone }),
    ...(role === 'WORKER'
      ? {
          teamId: values.teamId,
          ...(schedule.windowStart === null ? {} : { windowStart: schedule.windowStart }),
          ...(schedule.windowEnd === null ? {} : { windowEnd: schedule.windowEnd }),
          ...(schedule.workDays.length === 0 ? {} : { workDays: schedule.workDays }),
        }
      : {}),
  };
}

/**
 * Every editable field; the server records only what changed. The schedule is left out
 * for anyone but a worker, so editing a name never clears an override kept from before.
 */
export function toUpdatePersonInput(personId: string, values: PersonFormValues): UpdatePersonInput {
  const phone = values.phone.trim();
  return {
    personId,
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim(),
    phone: phone === '' ? null : phone,
    ...(hasSchedule(values) ? scheduleInput(values) : {}),
  };
}
