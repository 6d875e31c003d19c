import { randomUUID } from 'node:crypto';
import { type Db, isEmailTaken, isUniqueViolation, withTenant } from '@aegira/db';
import type { Role } from '@aegira/events';
import { hashPassword } from '../../auth/password.ts';
import type { Actor } from '../../trpc/context.ts';
import { commandActor } from '../command-actor.ts';
import { createPerson } from '../person-writes.ts';
import { type PersonDto, personDtoOf } from './person-dto.ts';
import {
  activeTeamForWorker,
  companyToday,
  notFound,
  refuseTeamForNonWorker,
} from './person-rules.ts';
import { emailTaken, type PersonChanges, writePersonUpdate } from './person-update.ts';
import { checkScheduleOverride } from './schedule-override.ts';

export interface PeopleDeps {
  db: Db;
  now?: () => Date;
}

export interface CreatePersonRequest {
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  teamId?: string | null | undefined;
  phone?: string | null | undefined;
  windowStart?: string | null | undefined;
  windowEnd?: string | null | undefined;
  workDays?: number[] | undefined;
  password: string;
}

/**
 * An admin adds a person: PERSON_CREATED (+ AuditLog) through the shared write.
 * A WORKER joins an active team of the company at once; other roles have none.
 */
export async function createPersonAsAdmin(
  deps: PeopleDeps,
  actor: Actor,
  request: CreatePersonRequest,
): Promise<PersonDto> {
  const now = deps.now?.() ?? new Date();
  const id = randomUUID();
  // Hashing is slow on purpose; it happens before the transaction opens.
  const passwordHash = await hashPassword(request.password);
  try {
    await createPerson(deps.db, commandActor(actor), async (tx) => {
      if (await isEmailTaken(tx, request.email)) throw emailTaken();
      const team = request.role === 'WORKER' ? await activeTeamForWorker(tx, request.teamId) : null;
      if (request.role !== 'WORKER') refuseTeamForNonWorker(request.role, request.teamId);
      const override = {
        windowStart: request.windowStart ?? null,
        windowEnd: request.windowEnd ?? null,
        workDays: request.workDays ?? [],
      };
      checkScheduleOverride(override, team);
      return {
        id,
        email: request.email,
        firstName: request.firstName,
        lastName: request.lastName,
        role: request.role,
        passwordHash,
        phone: request.phone ?? null,
        ...override,
        teamId: team?.id ?? null,
        teamAssignedOn: team ? await companyToday(tx, actor.companyId, now) : null,
      };
    });
  } catch (error) {
    // Lost a race for the same email after the check in the transaction.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return withTenant(deps.db, actor.companyId, async (tx) => {
    const row = await tx.person.findUnique({ where: { id } });
    if (!row) throw notFound();
    return personDtoOf(tx, row);
  });
}

export interface UpdatePersonRequest extends PersonChanges {
  personId: string;
}

/** An admin edits names, contact, email and schedule override; team and role have their own commands. */
export async function updatePersonAsAdmin(
  deps: PeopleDeps,
  actor: Actor,
  request: UpdatePersonRequest,
): Promise<PersonDto> {
  const { personId, ...requested } = request;
  return writePersonUpdate(deps.db, actor, personId, requested, { audit: true });
}
