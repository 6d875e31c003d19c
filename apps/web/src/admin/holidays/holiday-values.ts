import { isValidLocalDate } from '@aegira/domain';
import { formatLocalDate } from '../../check-in/format.ts';
import type { RouterInputs, RouterOutputs } from '../../trpc/types.ts';

export type Holiday = RouterOutputs['holidays']['list']['items'][number];
export type CreateHolidayInput = RouterInputs['holidays']['create'];
export type UpdateHolidayInput = RouterInputs['holidays']['update'];

export type HolidayFormValues = { date: string; name: string; recurring: boolean };
export type HolidayField = keyof HolidayFormValues;
export type HolidayErrors = Partial<Record<HolidayField, string | undefined>>;
export const holidayFields: readonly HolidayField[] = ['date', 'name', 'recurring'];

export const emptyHolidayValues: HolidayFormValues = { date: '', name: '', recurring: false };

export function holidayFormValues(holiday: Holiday): HolidayFormValues {
  return { date: holiday.date, name: holiday.name, recurring: holiday.recurring };
}

export function validateHoliday(values: HolidayFormValues): HolidayErrors {
  return {
    date: isValidLocalDate(values.date) ? undefined : 'Choose the date.',
    name: values.name.trim() === '' ? 'Enter the holiday’s name.' : undefined,
  };
}

export function hasErrors(errors: HolidayErrors): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}

export function toCreateHolidayInput(values: HolidayFormValues): CreateHolidayInput {
  return { date: values.date, name: values.name.trim(), recurring: values.recurring };
}

export function toUpdateHolidayInput(id: string, values: HolidayFormValues): UpdateHolidayInput {
  return { holidayId: id, ...toCreateHolidayInput(values) };
}

/** "Fri, 25 Dec 2026", or "25 Dec, every year" — a recurring holiday's year does not matter. */
export function holidayWhen(holiday: Pick<Holiday, 'date' | 'recurring'>): string {
  if (!holiday.recurring) return formatLocalDate(holiday.date, 'long');
  return `${formatLocalDate(holiday.date, 'short')}, every year`;
}
