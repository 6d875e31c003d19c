import { describe, expect, it } from 'vitest';
import { parseSubView } from '../admin-paths.ts';
import {
  asOfInput,
  gateAsOf,
  gateView,
  parseAsOf,
  placeAgainstCut,
  presentView,
  stateAfterEventPath,
  viewForPickedDate,
  withAsOf,
} from './as-of-params.ts';

const id = '0f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4';
const eventId = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('parseAsOf', () => {
  it('reads the present, a past date and a point after an event', () => {
    expect(parseAsOf('')).toEqual({ kind: 'present' });
    expect(parseAsOf(`?id=${id}`)).toEqual({ kind: 'present' });
    expect(parseAsOf(`?id=${id}&asOf=2026-10-01`)).toEqual({ kind: 'date', date: '2026-10-01' });
    expect(parseAsOf(`?afterEvent=${eventId}&id=${id}`)).toEqual({ kind: 'afterEvent', eventId });
  });

  it('refuses what cannot be a point in time instead of sending it to the server', () => {
    expect(parseAsOf('?asOf=2026-02-30')).toBeNull();
    expect(parseAsOf('?asOf=1%20Oct%202026')).toBeNull();
    expect(parseAsOf('?asOf=')).toBeNull();
    expect(parseAsOf('?afterEvent=42')).toBeNull();
    expect(parseAsOf(`?asOf=2026-10-01&afterEvent=${eventId}`)).toBeNull();
  });
});

describe('withAsOf', () => {
  it('adds the point in time to an entity page, keeping its own query', () => {
    const team = `/teams?id=${id}`;
    expect(withAsOf(team, { kind: 'date', date: '2026-10-01' })).toBe(
      `/teams?id=${id}&asOf=2026-10-01`,
    );
    expect(withAsOf(team, { kind: 'afterEvent', eventId })).toBe(
      `/teams?id=${id}&afterEvent=${eventId}`,
    );
    expect(withAsOf(team, presentView)).toBe(team);
  });

  it('replaces an earlier point in time, and "back to today" drops it', () => {
    const past = `/people?id=${id}&asOf=2026-10-01`;
    expect(withAsOf(past, { kind: 'afterEvent', eventId })).toBe(
      `/people?id=${id}&afterEvent=${eventId}`,
    );
    expect(withAsOf(past, presentView)).toBe(`/people?id=${id}`);
    expect(withAsOf('/teams', presentView)).toBe('/teams');
  });

  it('round-trips with parseAsOf, and the page still reads its sub-view', () => {
    for (const view of [
      presentView,
      { kind: 'date', date: '2024-02-29' },
      { kind: 'afterEvent', eventId },
    ] as const) {
      const path = withAsOf(`/teams?id=${id}`, view);
      const search = path.slice(path.indexOf('?'));
      expect(parseAsOf(search)).toEqual(view);
      expect(parseSubView(search)).toEqual({ kind: 'detail', id });
    }
  });
});

describe('asOfInput', () => {
  it('asks the API for the present with no input, else for the cut', () => {
    expect(asOfInput(presentView)).toBeUndefined();
    expect(asOfInput({ kind: 'date', date: '2026-10-01' })).toEqual({ date: '2026-10-01' });
    expect(asOfInput({ kind: 'afterEvent', eventId })).toEqual({ afterEventId: eventId });
  });
});

describe('viewForPickedDate', () => {
  it('treats today as the present (editable) and an earlier day as the end of that day', () => {
    expect(viewForPickedDate('2026-12-01', '2026-12-01')).toEqual(presentView);
    expect(viewForPickedDate('2026-11-30', '2026-12-01')).toEqual({
      kind: 'date',
      date: '2026-11-30',
    });
    expect(viewForPickedDate('', '2026-12-01')).toBeNull();
  });
});

describe('gateAsOf', () => {
  const today = '2026-12-01';

  it('lets the page read the present and the past', () => {
    expect(gateAsOf(presentView, today)).toEqual({
      kind: 'read',
      view: presentView,
      input: undefined,
    });
    expect(gateAsOf({ kind: 'date', date: today }, today)).toEqual({
      kind: 'read',
      view: { kind: 'date', date: today },
      input: { date: today },
    });
  });

  it('stops a date after today and an unreadable address before any request', () => {
    const future = gateAsOf({ kind: 'date', date: '2026-12-02' }, today);
    expect(future).toEqual({ kind: 'future', date: '2026-12-02' });
    expect(gateView(future)).toEqual({ kind: 'date', date: '2026-12-02' });
    const unreadable = gateAsOf(null, today);
    expect(unreadable).toEqual({ kind: 'unreadable' });
    expect(gateView(unreadable)).toBeNull();
  });
});

describe('stateAfterEventPath', () => {
  it('opens teams and people right after the event; holidays have no such page', () => {
    expect(stateAfterEventPath('team', id, eventId)).toBe(`/teams?id=${id}&afterEvent=${eventId}`);
    expect(stateAfterEventPath('person', id, eventId)).toBe(
      `/people?id=${id}&afterEvent=${eventId}`,
    );
    expect(stateAfterEventPath('holiday', id, eventId)).toBeNull();
  });
});

describe('placeAgainstCut', () => {
  const event = (position: string, createdAt: string) => ({ position, createdAt });

  it('after one event: compares log positions, marking that event as the one shown', () => {
    const cut = { at: '2026-11-30T10:00:00.000Z', position: '120' };
    expect(placeAgainstCut(event('99', '2026-11-30T09:00:00.000Z'), cut)).toBe('included');
    expect(placeAgainstCut(event('120', '2026-11-30T10:00:00.000Z'), cut)).toBe('shown');
    // Same instant (one command), later position: not in the state.
    expect(placeAgainstCut(event('121', '2026-11-30T10:00:00.000Z'), cut)).toBe('later');
    // Positions compare as numbers, not as strings.
    expect(placeAgainstCut(event('1000', '2026-11-30T11:00:00.000Z'), cut)).toBe('later');
  });

  it('at the end of a date: compares instants', () => {
    const cut = { at: '2026-11-30T22:59:59.999Z', position: null };
    expect(placeAgainstCut(event('5', '2026-11-30T22:59:59.999Z'), cut)).toBe('included');
    expect(placeAgainstCut(event('6', '2026-11-30T23:00:00.000Z'), cut)).toBe('later');
  });
});
