import { describe, expect, it } from 'vitest';
import {
  hasErrors,
  newTeamValues,
  type TeamFormValues,
  toCreateTeamInput,
  toUpdateTeamInput,
  validateTeamForm,
} from './team-form-values.ts';

const leaderId = '0f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4';
const valid: TeamFormValues = { ...newTeamValues, name: ' Night shift ', leaderId };

describe('validateTeamForm', () => {
  it('starts from the default schedule: 06:00–10:00, Monday to Friday', () => {
    expect(newTeamValues).toMatchObject({
      windowStart: '06:00',
      windowEnd: '10:00',
      workDays: [1, 2, 3, 4, 5],
    });
    expect(hasErrors(validateTeamForm(valid))).toBe(false);
  });

  it('requires a name, a lead and at least one work day', () => {
    const errors = validateTeamForm({ ...valid, name: '  ', leaderId: '', workDays: [] });
    expect(errors.name).toBe('Enter the team’s name.');
    expect(errors.leaderId).toBe('Choose the team lead.');
    expect(errors.workDays).toBe('Tick at least one work day.');
  });

  it('wants the window to close after it opens', () => {
    expect(validateTeamForm({ ...valid, windowStart: '10:00', windowEnd: '10:00' }).windowEnd).toBe(
      'The window must close after it opens.',
    );
    expect(validateTeamForm({ ...valid, windowStart: '' }).windowStart).toBe(
      'Enter a time such as 06:00.',
    );
  });
});

describe('toCreateTeamInput and toUpdateTeamInput', () => {
  it('trims, turns empty optional fields into null and sorts the days', () => {
    const input = toCreateTeamInput({ ...valid, description: '  ', workDays: [5, 1, 3] });
    expect(input).toEqual({
      name: 'Night shift',
      description: null,
      leaderId,
      supervisorId: null,
      windowStart: '06:00',
      windowEnd: '10:00',
      workDays: [1, 3, 5],
    });
    expect(toUpdateTeamInput('team-1', valid)).toMatchObject({ id: 'team-1', name: 'Night shift' });
  });
});
