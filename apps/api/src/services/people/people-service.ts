import { randomUUID } from 'node:crypto';
import { executeCommand, isEmailTakenInCompany, isUniqueViolation } from '@aegira/db';
import type { Role } from '@aegira/events';
import { hashPassword } from '../../auth/password.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { personCreation } from '../person-writes.ts';
import { type PersonDto, personDtoOf } from './person-dto.ts';
import { activeTeamForWorker, companyToday, refuseTeamForNonWorker } from './person-rules.ts';
import { emailTaken, type PersonChanges, writePersonUpdate } from './person-update.ts';
import { checkScheduleOverride } from './schedule-override.ts';

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
 * An admin adds a person: PERSON_CREATED (+ AuditLog), the password hash as a
 * credential beside it; the person must change that password at their first login.
 * A WORKER joins an active team of the company at once; other roles have none.
 */
export async function createPersonAsAdmin(
  deps: ServiceDeps,
  actor: Actor,
  request: CreatePersonRequest,
): Promise<PersonDto> {
  const now = deps.now?.() ?? new Date();
  const id = randomUUID();
  // Hashing is slow on purpose; it happens before the transaction opens.
  const passwordHash = await hashPassword(request.password);
  try {
    return await executeCommand(
      deps.db,
      commandActor(actor),
      async (read) => {
        if (await isEmailTakenInCompany(read, request.email)) throw emailTaken();
        const team =
          request.role === 'WORKER' ? await activeTeamForWorker(read, request.teamId) : null;
        if (request.role !== 'WORKER') refuseTeamForNonWorker(request.role, request.teamId);
        const override = {
          windowStart: request.windowStart ?? null,
          windowEnd: request.windowEnd ?? null,
          workDays: request.workDays ?? [],
        };
        checkScheduleOverride(override, team);
        const created = personCreation({
          id,
          email: request.email,
          firstName: request.firstName,
          lastName: request.lastName,
          role: request.role,
          passwordHash,
          // The admin chose this password, so the person must replace it at their first login.
          mustChangePassword: true,
          phone: request.phone ?? null,
          ...override,
          teamId: team?.id ?? null,
          teamAssignedOn: team ? await companyToday(read, actor.companyId, now) : null,
        });
        return { events: [created.event], credentials: [created.credential] };
      },
      async (read) =>
        personDtoOf(read, await read.person.findUniqueOrThrow({ where: { id } }), now),
    );
  } catch (error) {
    // Lost a race for the same email after the check in the transaction.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

export interface UpdatePersonRequest extends PersonChanges {
  personId: string;
  /** The version the editor loaded; a stale one is refused with the current person. */
  expectedVersion?: string | undefined;
}

/** An admin edits names, contact, email and schedule override; team and role have their own commands. */
export async function updatePersonAsAdmin(
  deps: ServiceDeps,
  actor: Actor,
  request: UpdatePersonRequest,
): Promise<PersonDto> {
  const { personId, expectedVersion, ...requested } = request;
  return writePersonUpdate(deps, actor, personId, requested, { audit: true, expectedVersion });
}
