import { formatInstant } from '../format-instant.ts';
import type { AsOfGate, AsOfView } from './as-of-params.ts';

export type AsOfEntity = 'team' | 'person';

/** What a past view of an entity is: the end of a local date, or right after one change. */
export type PastView = Exclude<AsOfView, { kind: 'present' }>;

const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * A calendar date ('2026-10-01') as "1 Oct 2026": read at UTC midnight and printed in UTC,
 * so no time zone moves the day.
 */
export function formatDay(date: string): string {
  const instant = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(instant.getTime()) ? date : dayMonthYear.format(instant);
}

/**
 * The banner over a past state: "As it was at the end of 1 Oct 2026 — read only". After an
 * event, the cut's instant (from the API) on the company's clock names the moment.
 */
export function asOfBanner(view: PastView, cutAt: string | null, timeZone: string): string {
  switch (view.kind) {
    case 'date':
      return `As it was at the end of ${formatDay(view.date)} — read only`;
    case 'afterEvent':
      return cutAt === null
        ? 'As it was right after the chosen change — read only'
        : `As it was right after the change of ${formatInstant(cutAt, timeZone)} — read only`;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

/** NOT_FOUND for a past view: the entity was created later (or the change is unknown here). */
export function asOfNotFound(entity: AsOfEntity, view: PastView): string {
  const subject = entity === 'team' ? 'This team' : 'This person';
  switch (view.kind) {
    case 'date':
      return `${subject} did not exist on ${formatDay(view.date)}.`;
    case 'afterEvent':
      return `${subject} did not exist yet right after that change, or the change is not one this link can find.`;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

/**
 * Why a page has no state to show for the address, or null when it has one (or the
 * failure is not about the point in time: the page's usual error states answer that).
 * `refusal` is the read's error code and message, when it failed.
 */
export function asOfProblem(
  entity: AsOfEntity,
  gate: AsOfGate,
  today: string,
  refusal: { code: string | null; message: string } | null,
): { title: string; message: string } | null {
  if (gate.kind === 'unreadable') {
    return { title: 'This link cannot be read', message: INVALID_AS_OF_MESSAGE };
  }
  if (gate.kind === 'future') {
    return { title: 'That date is still to come', message: futureDateMessage(gate.date, today) };
  }
  if (gate.view.kind === 'present' || refusal === null) return null;
  if (refusal.code === 'NOT_FOUND') {
    return { title: `No record of this ${entity} then`, message: asOfNotFound(entity, gate.view) };
  }
  // The API's 400 names what it refused (a date before the company, say): pass it on.
  if (refusal.code === 'BAD_REQUEST') {
    return { title: 'That state cannot be shown', message: refusal.message };
  }
  return null;
}

/** A date after today: nothing is known yet, so there is nothing to show. */
export function futureDateMessage(date: string, today: string): string {
  return `${formatDay(date)} is in the future. Choose ${formatDay(today)} or an earlier date.`;
}

/** An address whose asOf or afterEvent cannot be read (typed by hand, cut short). */
export const INVALID_AS_OF_MESSAGE =
  'This link asks for a date or change that is not valid. Choose a date below, or go back to today.';

/** The document title of a past view, so tabs and history tell the states apart. */
export function asOfTitle(name: string, view: AsOfView): string {
  switch (view.kind) {
    case 'present':
      return name;
    case 'date':
      return `${name} (end of ${formatDay(view.date)})`;
    case 'afterEvent':
      return `${name} (after a change)`;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
