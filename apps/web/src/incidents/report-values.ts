import { instantOfLocalTime, isValidHm, isValidLocalDate } from '@aegira/domain';
import type { RouterInputs } from '../trpc/types.ts';
import type { IncidentSeverity, IncidentType } from './incident-wording.ts';

export type ReportValues = {
  type: IncidentType | '';
  severity: IncidentSeverity | '';
  title: string;
  location: string;
  description: string;
  /** When it happened, on the company's clock. */
  date: string;
  time: string;
  /** Colleagues named as involved (ids). */
  peopleInvolvedIds: string[];
};

export type ReportField =
  | 'type'
  | 'severity'
  | 'title'
  | 'location'
  | 'description'
  | 'occurredAt'
  | 'peopleInvolvedIds';
export type ReportErrors = Partial<Record<ReportField, string>>;

export const REPORT_FIELDS: readonly ReportField[] = [
  'type',
  'severity',
  'title',
  'location',
  'description',
  'occurredAt',
  'peopleInvolvedIds',
];

export function emptyReport(today: string, now: string): ReportValues {
  return {
    type: '',
    severity: '',
    title: '',
    location: '',
    description: '',
    date: today,
    time: now,
    peopleInvolvedIds: [],
  };
}

/**
 * The same rules as the server, checked before sending so each field says what is wrong;
 * the server checks again (and says the same) whatever is sent.
 */
export function validateReport(values: ReportValues, timeZone: string, now: Date): ReportErrors {
  const errors: ReportErrors = {};
  if (!values.type) errors.type = 'Choose what kind of incident it was.';
  if (!values.severity) errors.severity = 'Choose how severe it was.';
  const title = values.title.trim();
  if (!title) errors.title = 'Say briefly what happened.';
  else if (title.length > 200) errors.title = 'Keep the title to 200 characters.';
  if (values.location.trim().length > 200) errors.location = 'Keep the location to 200 characters.';
  const description = values.description.trim();
  if (!description) errors.description = 'Describe what happened.';
  else if (description.length > 2000)
    errors.description = 'Keep the description to 2,000 characters.';
  if (!isValidLocalDate(values.date) || !isValidHm(values.time)) {
    errors.occurredAt = 'Give the date and time it happened.';
  } else if (
    instantOfLocalTime(values.date, values.time, timeZone).getTime() >
    now.getTime() + 60_000
  ) {
    errors.occurredAt = 'It cannot be in the future.';
  }
  return errors;
}

export function toReportInput(
  values: ReportValues,
  timeZone: string,
): RouterInputs['incidents']['report'] | null {
  if (!values.type || !values.severity) return null;
  return {
    type: values.type,
    severity: values.severity,
    title: values.title.trim(),
    location: values.location.trim() || null,
    description: values.description.trim(),
    occurredAt: instantOfLocalTime(values.date, values.time, timeZone).toISOString(),
    peopleInvolvedIds: values.peopleInvolvedIds,
  };
}
