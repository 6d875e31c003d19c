import { computeReadiness } from '@aegira/domain';
import { describe, expect, it } from 'vitest';
import {
  type CheckInFormValues,
  humanizeFieldErrors,
  humanizeFieldMessage,
  newCheckInValues,
  toCheckInInput,
  validateCheckInValues,
  valuesFromCheckIn,
} from './check-in-form-values.ts';

const rested: CheckInFormValues = {
  hoursSlept: 7.5,
  sleepQuality: 8,
  stressLevel: 3,
  physicalCondition: 8,
  painLevel: 0,
  painLocation: '',
  notes: '',
};

describe('toCheckInInput', () => {
  it('sends numbers as they are, no location without pain and no blank notes', () => {
    expect(toCheckInInput(rested)).toEqual({
      hoursSlept: 7.5,
      sleepQuality: 8,
      stressLevel: 3,
      physicalCondition: 8,
      painLevel: 0,
      painLocation: null,
      notes: null,
    });
  });

  it('drops a location left over after pain was moved back to 0', () => {
    const input = toCheckInInput({ ...rested, painLevel: 0, painLocation: 'lower_back' });
    expect(input.painLocation).toBeNull();
  });

  it('keeps the location when there is pain, and trims notes', () => {
    const input = toCheckInInput({
      ...rested,
      painLevel: 3,
      painLocation: 'lower_back',
      notes: '  stiff after the drive \n',
    });
    expect(input.painLocation).toBe('lower_back');
    expect(input.notes).toBe('stiff after the drive');
  });
});

describe('valuesFromCheckIn', () => {
  it('prefills the form from a stored check-in and round-trips to the same input', () => {
    const inputs = {
      hoursSlept: 5.5,
      sleepQuality: 4,
      stressLevel: 7,
      physicalCondition: 5,
      painLevel: 3,
      painLocation: 'lower_back' as const,
      notes: 'Back again',
    };
    const values = valuesFromCheckIn(inputs);
    expect(values.painLocation).toBe('lower_back');
    expect(toCheckInInput(values)).toEqual(inputs);
    expect(valuesFromCheckIn({ ...inputs, painLevel: 0, painLocation: null, notes: null })).toEqual(
      expect.objectContaining({ painLocation: '', notes: '' }),
    );
  });
});

describe('validateCheckInValues', () => {
  it('accepts a complete form', () => {
    expect(validateCheckInValues(rested)).toEqual({});
    expect(validateCheckInValues(newCheckInValues)).toEqual({});
  });

  it('asks for a pain location when there is pain, in words people read', () => {
    expect(validateCheckInValues({ ...rested, painLevel: 1 })).toEqual({
      painLocation: 'Pain location is required when pain level is above 0.',
    });
  });

  it('reports notes over 500 characters', () => {
    const errors = validateCheckInValues({ ...rested, notes: 'x'.repeat(501) });
    expect(errors.notes).toBe('Notes must be at most 500 characters.');
    expect(validateCheckInValues({ ...rested, notes: 'x'.repeat(500) })).toEqual({});
  });
});

describe('humanizeFieldMessage', () => {
  it('turns field names into their labels, whatever their case', () => {
    expect(humanizeFieldMessage('hoursSlept must be between 0 and 15 in half hours')).toBe(
      'Hours slept must be between 0 and 15 in half hours.',
    );
    // errors.ts has already capitalised the first letter of server messages.
    expect(humanizeFieldMessage('PainLocation is required when painLevel is above 0.')).toBe(
      'Pain location is required when pain level is above 0.',
    );
  });

  it('leaves other words alone', () => {
    expect(humanizeFieldMessage('Must be one of: head, neck')).toBe('Must be one of: head, neck.');
  });

  it('keeps only the form fields from a server answer', () => {
    expect(
      humanizeFieldErrors({ stressLevel: 'StressLevel must be a whole number', other: 'x' }),
    ).toEqual({ stressLevel: 'Stress level must be a whole number.' });
  });
});

describe('the live preview', () => {
  // The closing note of issue 3 asks for these two numbers.
  it('scores the form the way the server will', () => {
    expect(computeReadiness(toCheckInInput(rested))).toMatchObject({
      readinessScore: 86,
      level: 'GREEN',
    });
    const tired = toCheckInInput({
      hoursSlept: 5.5,
      sleepQuality: 4,
      stressLevel: 7,
      physicalCondition: 5,
      painLevel: 3,
      painLocation: 'lower_back',
      notes: '',
    });
    expect(computeReadiness(tired)).toMatchObject({ readinessScore: 48, level: 'RED' });
  });
});
