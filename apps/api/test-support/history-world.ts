import { randomUUID } from 'node:crypto';
import { type AnyNewEvent, event, replayCompanyEvents } from '@aegira/db';
import { type CheckInInputs, computeReadiness } from '@aegira/domain';
import { EVENT_SCHEMA_VERSION, entityOf } from '@aegira/events';
import type { Actor } from '../src/services/actor.ts';
import type { TestApi } from './api-harness.ts';
import type { CompanyFixture } from './fixtures.ts';
import { GOOD_CHECK_IN } from './fixtures.ts';

// A hand-built history for dashboard and analytics tests: events appended as if
// written at given instants (the write path's replay: the same append and
// projections as a command), so versions of persons and teams, transfers and
// check-ins are true to their dates. November 2026 in Berlin is UTC+01:00.

export const berlinAt = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+01:00`);

export async function appendAt(
  api: TestApi,
  company: CompanyFixture,
  instant: Date,
  events: AnyNewEvent[],
): Promise<void> {
  await replayCompanyEvents(
    api.db,
    company.companyId,
    events.map((e) => ({
      id: randomUUID(),
      companyId: company.companyId,
      actorId: company.adminId,
      actorTokenId: null,
      type: e.type,
      ...entityOf(e.type, e.payload as never),
      payload: e.payload,
      schemaVersion: EVENT_SCHEMA_VERSION[e.type],
      createdAt: instant,
    })),
  );
}

export function personCreated(
  role: 'WORKER' | 'TEAM_LEAD' | 'SUPERVISOR',
  teamId: string | null,
  assignedOn: string | null,
) {
  const id = randomUUID();
  return event('PERSON_CREATED', {
    id,
    email: `${role.toLowerCase()}-${id.slice(0, 8)}@example.test`,
    firstName: role,
    lastName: id.slice(0, 4),
    phone: null,
    windowStart: null,
    windowEnd: null,
    workDays: [],
    role,
    teamId,
    teamAssignedOn: assignedOn,
    mustChangePassword: false,
  });
}

export function teamCreated(leaderId: string, supervisorId: string | null = null, name?: string) {
  const id = randomUUID();
  return event('TEAM_CREATED', {
    id,
    name: name ?? `Team ${id.slice(0, 8)}`,
    description: null,
    leaderId,
    supervisorId,
    windowStart: '06:00',
    windowEnd: '09:00',
    workDays: [1, 2, 3, 4, 5],
  });
}

export function checkInSubmitted(
  personId: string,
  teamId: string,
  localDate: string,
  options: { hhmm?: string; inputs?: Partial<CheckInInputs> } = {},
) {
  const inputs = { ...GOOD_CHECK_IN, painLocation: null, notes: null, ...options.inputs };
  const hhmm = options.hhmm ?? '07:00';
  const minutesLate = Math.max(0, (Number(hhmm.slice(0, 2)) - 9) * 60 + Number(hhmm.slice(3)));
  return event('CHECK_IN_SUBMITTED', {
    id: randomUUID(),
    personId,
    teamId,
    localDate,
    inputs,
    scores: computeReadiness(inputs),
    isLate: minutesLate > 0,
    minutesLate,
    submittedAt: berlinAt(localDate, hhmm).toISOString(),
  });
}

/** An actor for calling services directly (people appended by replay have no password). */
export function actorOf(company: CompanyFixture, personId: string, role: Actor['role']): Actor {
  return {
    personId,
    companyId: company.companyId,
    role,
    email: `${personId}@example.test`,
    firstName: role,
    lastName: personId.slice(0, 4),
    tokenId: null,
    readOnly: false,
    mustChangePassword: false,
  };
}
