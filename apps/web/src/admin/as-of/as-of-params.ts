import { isValidLocalDate } from '@aegira/domain';
import { personPath, teamPath } from '../admin-paths.ts';
import type { EntityType } from '../timeline/timeline-types.ts';

/**
 * Which state an entity page shows: the present, the end of a past local date, or the
 * state right after one event of its history. It lives in the address (`?asOf=2026-10-01`,
 * `?afterEvent=<event id>`) so a past view can be linked and survives a reload.
 */
export type AsOfView =
  | { kind: 'present' }
  | { kind: 'date'; date: string }
  | { kind: 'afterEvent'; eventId: string };

/** What the API's reads take (teams.get, people.get): the cut, or nothing for the present. */
export type AsOfInput = { date: string } | { afterEventId: string };

export const ASOF_PARAM = 'asOf';
export const AFTER_EVENT_PARAM = 'afterEvent';

export const presentView: AsOfView = { kind: 'present' };

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the view from a query string. A value that cannot be one (a mistyped date, both
 * kinds at once) is null, for the page to say so rather than ask the server.
 */
export function parseAsOf(search: string): AsOfView | null {
  const params = new URLSearchParams(search);
  const date = params.get(ASOF_PARAM);
  const eventId = params.get(AFTER_EVENT_PARAM);
  if (date !== null && eventId !== null) return null;
  if (date !== null) return isValidLocalDate(date) ? { kind: 'date', date } : null;
  if (eventId !== null) return UUID_PATTERN.test(eventId) ? { kind: 'afterEvent', eventId } : null;
  return presentView;
}

/** `path` (which may carry its own query, e.g. '/teams?id=…') showing `view` instead. */
export function withAsOf(path: string, view: AsOfView): string {
  const queryStart = path.indexOf('?');
  const base = queryStart === -1 ? path : path.slice(0, queryStart);
  const params = new URLSearchParams(queryStart === -1 ? '' : path.slice(queryStart + 1));
  params.delete(ASOF_PARAM);
  params.delete(AFTER_EVENT_PARAM);
  switch (view.kind) {
    case 'present':
      break;
    case 'date':
      params.set(ASOF_PARAM, view.date);
      break;
    case 'afterEvent':
      params.set(AFTER_EVENT_PARAM, view.eventId);
      break;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
  const query = params.toString();
  return query === '' ? base : `${base}?${query}`;
}

/** The API input for a view; undefined asks for the present. */
export function asOfInput(view: AsOfView): AsOfInput | undefined {
  switch (view.kind) {
    case 'present':
      return undefined;
    case 'date':
      return { date: view.date };
    case 'afterEvent':
      return { afterEventId: view.eventId };
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

/**
 * The view the picker's date asks for: today (or later, which the picker's max keeps out)
 * is the present, which stays editable; an earlier date is the end of that day.
 */
export function viewForPickedDate(date: string, today: string): AsOfView | null {
  if (!isValidLocalDate(date)) return null;
  return date >= today ? presentView : { kind: 'date', date };
}

/** A date after today on the company's clock: the API refuses it, so the page says so first. */
export function isFutureDate(view: AsOfView, today: string): boolean {
  return view.kind === 'date' && view.date > today;
}

/**
 * The entity's page showing its state right after one of its events (the timeline's
 * "State after this event"); null for entities without a page that reads the past (holidays).
 */
export function stateAfterEventPath(
  entityType: EntityType,
  entityId: string,
  eventId: string,
): string | null {
  const view: AsOfView = { kind: 'afterEvent', eventId };
  if (entityType === 'team') return withAsOf(teamPath(entityId), view);
  if (entityType === 'person') return withAsOf(personPath(entityId), view);
  return null;
}

/** Whether a page may ask the API for the view, or must explain first why it will not. */
export type AsOfGate =
  | { kind: 'unreadable' }
  | { kind: 'future'; date: string }
  | { kind: 'read'; view: AsOfView; input: AsOfInput | undefined };

export function gateAsOf(view: AsOfView | null, today: string): AsOfGate {
  if (view === null) return { kind: 'unreadable' };
  if (view.kind === 'date' && view.date > today) return { kind: 'future', date: view.date };
  return { kind: 'read', view, input: asOfInput(view) };
}

/** The view a gate is about, for the picker to start from; null when the address was unreadable. */
export function gateView(gate: AsOfGate): AsOfView | null {
  switch (gate.kind) {
    case 'unreadable':
      return null;
    case 'future':
      return { kind: 'date', date: gate.date };
    case 'read':
      return gate.view;
    default: {
      const unreachable: never = gate;
      return unreachable;
    }
  }
}

/** Where the API cut the log for a past read (the `asOf` of its answer). */
export type AsOfCut = { at: string; position: string | null };

/**
 * Where one event of the timeline stands against the state shown: 'shown' for the event a
 * "State after this event" view is cut at, 'later' for events the state does not include.
 * A cut at one event compares log positions (events of one command share an instant);
 * a cut at a time compares instants.
 */
export function placeAgainstCut(
  event: { position: string; createdAt: string },
  cut: AsOfCut,
): 'included' | 'shown' | 'later' {
  if (cut.position !== null && /^\d+$/.test(cut.position) && /^\d+$/.test(event.position)) {
    const position = BigInt(event.position);
    const cutPosition = BigInt(cut.position);
    if (position === cutPosition) return 'shown';
    return position > cutPosition ? 'later' : 'included';
  }
  return Date.parse(event.createdAt) > Date.parse(cut.at) ? 'later' : 'included';
}
