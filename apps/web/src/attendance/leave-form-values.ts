import { isValidLocalDate } from '@aegira/domain';
import type { LeaveType, RecordLeaveInput } from './attendance-types.ts';
import { leaveLength } from './leave-wording.ts';

export type LeaveFormValues = {
  type: LeaveType;
  startDate: string;
  endDate: string;
  note: string;
};
export type LeaveField = keyof LeaveFormValues;
export type LeaveErrors = Partial<Record<LeaveField, string | undefined>>;
export const leaveFields: readonly LeaveField[] = ['type', 'startDate', 'endDate', 'note'];

/** As the server: at most a year and a day, and a note of at most 500 characters. */
export const MAX_LEAVE_DAYS = 366;
export const MAX_NOTE_LENGTH = 500;

/** A new leave starts and ends today (the company's local date) until changed. */
export function emptyLeaveValues(today: string): LeaveFormValues {
  return { type: 'ANNUAL', startDate: today, endDate: today, note: '' };
}

function endError(values: LeaveFormValues): string | undefined {
  if (!isValidLocalDate(values.endDate)) return 'Choose the last day of leave.';
  if (!isValidLocalDate(values.startDate)) return undefined;
  if (values.endDate < values.startDate) return 'The last day is before the first day.';
  if (leaveLength(values.startDate, values.endDate) > MAX_LEAVE_DAYS) {
    return `Leave can last at most ${MAX_LEAVE_DAYS} days; record a longer absence in parts.`;
  }
  return undefined;
}

export function validateLeave(values: LeaveFormValues): LeaveErrors {
  return {
    startDate: isValidLocalDate(values.startDate) ? undefined : 'Choose the first day of leave.',
    endDate: endError(values),
    note:
      values.note.trim().length > MAX_NOTE_LENGTH
        ? `Keep the note to ${MAX_NOTE_LENGTH} characters.`
        : undefined,
  };
}

export function hasErrors(errors: LeaveErrors): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}

/** The note is optional: a blank one is left out rather than sent empty. */
export function toRecordLeaveInput(personId: string, values: LeaveFormValues): RecordLeaveInput {
  const note = values.note.trim();
  return {
    personId,
    type: values.type,
    startDate: values.startDate,
    endDate: values.endDate,
    ...(note === '' ? {} : { note }),
  };
}
