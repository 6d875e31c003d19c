import { describe, expect, it } from 'vitest';
import {
  NOTES_MAX_LENGTH,
  PAIN_LOCATION_LABELS,
  PAIN_LOCATIONS,
  validateCheckInInputs,
} from './check-in-inputs.ts';

const valid = {
  hoursSlept: 7.5,
  sleepQuality: 8,
  stressLevel: 3,
  physicalCondition: 8,
  painLevel: 0,
};

describe('pain locations', () => {
  it('lists the 18 fixed body areas, each with a human label', () => {
    expect(PAIN_LOCATIONS).toHaveLength(18);
    for (const location of PAIN_LOCATIONS) {
      expect(PAIN_LOCATION_LABELS[location]).toMatch(/^[A-Z]/);
    }
  });
});

describe('validateCheckInInputs', () => {
  it('given valid inputs without pain, then it settles the optional fields to null', () => {
    expect(validateCheckInInputs(valid)).toEqual({
      ok: true,
      value: { ...valid, painLocation: null, notes: null },
    });
  });

  it('given pain with a location and notes, then it keeps them, notes trimmed', () => {
    const result = validateCheckInInputs({
      ...valid,
      painLevel: 3,
      painLocation: 'knee_left',
      notes: '  twisted it on the stairs ',
    });

    expect(result).toEqual({
      ok: true,
      value: {
        ...valid,
        painLevel: 3,
        painLocation: 'knee_left',
        notes: 'twisted it on the stairs',
      },
    });
  });

  it.each([
    // Limits are inclusive; hours come in half hours.
    { hoursSlept: 0, sleepQuality: 1, stressLevel: 1, physicalCondition: 1, painLevel: 0 },
    { hoursSlept: 15, sleepQuality: 10, stressLevel: 10, physicalCondition: 10, painLevel: 0 },
    { hoursSlept: 0.5, sleepQuality: 5, stressLevel: 5, physicalCondition: 5, painLevel: 0 },
  ])('given the limits $hoursSlept h / $sleepQuality, then they are accepted', (input) => {
    expect(validateCheckInInputs(input).ok).toBe(true);
  });

  const hoursMessage = 'hoursSlept must be between 0 and 15 in half hours';
  it.each([
    ['hoursSlept', -0.5, hoursMessage],
    ['hoursSlept', 15.5, hoursMessage],
    ['hoursSlept', 7.25, hoursMessage],
    ['hoursSlept', Number.NaN, hoursMessage],
    ['hoursSlept', '7', hoursMessage],
    ['sleepQuality', 0, 'sleepQuality must be a whole number between 1 and 10'],
    ['sleepQuality', 11, 'sleepQuality must be a whole number between 1 and 10'],
    ['sleepQuality', 5.5, 'sleepQuality must be a whole number between 1 and 10'],
    ['stressLevel', 0, 'stressLevel must be a whole number between 1 and 10'],
    ['stressLevel', 11, 'stressLevel must be a whole number between 1 and 10'],
    ['physicalCondition', 0, 'physicalCondition must be a whole number between 1 and 10'],
    ['physicalCondition', 11, 'physicalCondition must be a whole number between 1 and 10'],
    ['painLevel', -1, 'painLevel must be a whole number between 0 and 10'],
    ['painLevel', 11, 'painLevel must be a whole number between 0 and 10'],
    ['painLocation', 'toe', 'painLocation must be one of the listed body areas'],
    ['notes', 42, 'notes must be text'],
    ['notes', 'x'.repeat(NOTES_MAX_LENGTH + 1), 'notes must be at most 500 characters'],
  ])('given %s = %j, then it is rejected with a specific message', (field, value, message) => {
    expect(validateCheckInInputs({ ...valid, [field]: value })).toEqual({
      ok: false,
      errors: [{ field, message }],
    });
  });

  it('given notes of exactly 500 characters, then they are accepted', () => {
    expect(validateCheckInInputs({ ...valid, notes: 'x'.repeat(500) }).ok).toBe(true);
  });

  it('given pain above 0 without a location, then painLocation is required', () => {
    expect(validateCheckInInputs({ ...valid, painLevel: 1, painLocation: null })).toEqual({
      ok: false,
      errors: [
        { field: 'painLocation', message: 'painLocation is required when painLevel is above 0' },
      ],
    });
  });

  it('given pain 0 with a leftover location, then the location is dropped', () => {
    const result = validateCheckInInputs({ ...valid, painLevel: 0, painLocation: 'neck' });

    expect(result).toEqual({ ok: true, value: { ...valid, painLocation: null, notes: null } });
  });

  it('given blank notes, then they are stored as null', () => {
    const result = validateCheckInInputs({ ...valid, notes: '   ' });

    expect(result.ok && result.value.notes).toBeNull();
  });

  it('given no input at all, then every required field is reported at once', () => {
    const result = validateCheckInInputs(undefined);

    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'hoursSlept', message: 'hoursSlept is required' },
        { field: 'sleepQuality', message: 'sleepQuality is required' },
        { field: 'stressLevel', message: 'stressLevel is required' },
        { field: 'physicalCondition', message: 'physicalCondition is required' },
        { field: 'painLevel', message: 'painLevel is required' },
      ],
    });
  });
});
