import { describe, expect, it } from 'vitest';
import type { Person } from './people-types.ts';
import {
  emptyPersonValues,
  hasErrors,
  type PersonFormValues,
  personFormValues,
  toCreatePersonInput,
  toUpdatePersonInput,
  validatePersonForm,
} from './person-form-values.ts';

const teamId = '0f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4';
const personId = '1a2b3c4d-2d3a-4b5c-9d6e-7f8091a2b3c4';

const worker: PersonFormValues = {
  ...emptyPersonValues,
  firstName: ' Wendy ',
  lastName: 'Worker',
  email: ' wendy@acme.test ',
  role: 'WORKER',
  teamId,
  password: 'correct horse battery',
};

describe('validatePersonForm', () => {
  it('accepts a complete worker', () => {
    expect(hasErrors(validatePersonForm(worker, 'create'))).toBe(false);
  });

  it('requires a team for a worker, and for nobody else', () => {
    expect(validatePersonForm({ ...worker, teamId: '' }, 'create').teamId).toBe(
      'Choose the team this worker joins.',
    );
    const lead = { ...worker, role: 'TEAM_LEAD', teamId: '' } as const;
    expect(hasErrors(validatePersonForm(lead, 'create'))).toBe(false);
  });

  it('asks for a role and a 12-character password only when creating', () => {
    const incomplete = { ...worker, role: '', password: 'short' } as const;
    const errors = validatePersonForm(incomplete, 'create');
    expect(errors.role).toBe('Choose a role.');
    expect(errors.password).toBe('Use at least 12 characters.');
    expect(hasErrors(validatePersonForm(incomplete, 'edit'))).toBe(false);
  });

  it('checks names, email and phone', () => {
    const errors = validatePersonForm(
      { ...worker, firstName: ' ', email: 'wendy@', phone: 'call me' },
      'edit',
    );
    expect(errors.firstName).toBe('Enter a first name.');
    expect(errors.email).toBe('Enter a valid email address.');
    expect(errors.phone).toBe('Use digits, spaces and + ( ) - . / only.');
    expect(validatePersonForm({ ...worker, phone: '+61 (8) 9123-4567' }, 'edit').phone).toBe(
      undefined,
    );
  });

  it('wants a personal window that closes after it opens', () => {
    const schedule = { ...worker, ownSchedule: true, windowStart: '09:00', windowEnd: '08:00' };
    expect(validatePersonForm(schedule, 'create').windowEnd).toBe(
      'The window must close after it opens.',
    );
    // One side alone is compared with the team's window by the server.
    expect(hasErrors(validatePersonForm({ ...schedule, windowEnd: '' }, 'create'))).toBe(false);
  });
});

describe('toCreatePersonInput', () => {
  it('trims, and sends a team and schedule only for a worker', () => {
    expect(toCreatePersonInput(worker, 'WORKER')).toEqual({
      firstName: 'Wendy',
      lastName: 'Worker',
      email: 'wendy@acme.test',
      role: 'WORKER',
      teamId,
      password: 'correct horse battery',
    });
    const lead = { ...worker, role: 'TEAM_LEAD', ownSchedule: true, windowStart: '07:00' } as const;
    expect(toCreatePersonInput(lead, 'TEAM_LEAD')).not.toHaveProperty('teamId');
    expect(toCreatePersonInput(lead, 'TEAM_LEAD')).not.toHaveProperty('windowStart');
  });

  it('sends only the override fields that are set', () => {
    const values = { ...worker, ownSchedule: true, windowStart: '07:00', workDays: [1, 2] };
    expect(toCreatePersonInput(values, 'WORKER')).toMatchObject({
      windowStart: '07:00',
      workDays: [1, 2],
    });
    expect(toCreatePersonInput(values, 'WORKER')).not.toHaveProperty('windowEnd');
  });
});

describe('toUpdatePersonInput', () => {
  it('clears the phone and the override when they are emptied', () => {
    expect(toUpdatePersonInput(personId, { ...worker, phone: '  ' })).toEqual({
      personId,
      firstName: 'Wendy',
      lastName: 'Worker',
      email: 'wendy@acme.test',
      phone: null,
      windowStart: null,
      windowEnd: null,
      workDays: [],
    });
  });

  it("leaves a non-worker's stored override alone", () => {
    const input = toUpdatePersonInput(personId, { ...worker, role: 'SUPERVISOR' });
    expect(input).not.toHaveProperty('windowStart');
    expect(input).not.toHaveProperty('workDays');
  });
});

describe('personFormValues', () => {
  it('opens the personal schedule when any field of it is set', () => {
    const person: Person = {
      id: personId,
      email: 'wendy@acme.test',
      firstName: 'Wendy',
      lastName: 'Worker',
      role: 'WORKER',
      phone: null,
      team: { id: teamId, name: 'Night shift', isActive: true },
      leads: null,
      teamAssignedOn: '2026-03-02',
      scheduleOverride: { windowStart: null, windowEnd: null, workDays: [6, 7] },
      isActive: true,
      deactivatedAt: null,
      deactivatedById: null,
      deactivationReason: null,
      erasedAt: null,
      createdAt: '2026-03-01T08:00:00.000Z',
      updatedAt: '2026-03-01T08:00:00.000Z',
      version: '00000000-0000-4000-8000-000000000001',
    };
    expect(personFormValues(person)).toMatchObject({
      phone: '',
      teamId,
      ownSchedule: true,
      windowStart: '',
      workDays: [6, 7],
    });
  });
});
