import { event, executeCommand, type ReadTx } from '@aegira/db';
import { AuditAction, EventType, type Role } from '@aegira/events';
import { AppError, fieldError } from '../../errors/app-error.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { assertExpectedVersion } from '../expected-version.ts';
import { applyDueTransfers } from '../teams/due-transfers.ts';
import { type PersonDto, personDtoOf } from './person-dto.ts';
import {
  activeTeamForWorker,
  companyToday,
  lockPendingTransfer,
  lockPerson,
  refuseIfLeadsActiveTeam,
  refuseIfSupervisesActiveTeam,
  refuseIfTransferPending,
  refuseSelf,
  refuseTeamForNonWorker,
} from './person-rules.ts';

/** The person as the command left them: the `then` step of every people command. */
function personAfter(personId: string, now: Date) {
  return async (read: ReadTx): Promise<PersonDto> =>
    personDtoOf(read, await read.person.findUniqueOrThrow({ where: { id: personId } }), now);
}

/**
 * PERSON_ROLE_CHANGED (+ AuditLog). The token version moves on, so the new role
 * applies from the person's next request. Becoming a WORKER joins a team at
 * once; leaving the WORKER role leaves the team.
 */
export async function changePersonRole(
  deps: ServiceDeps,
  actor: Actor,
  request: {
    personId: string;
    role: Role;
    teamId?: string | undefined;
    expectedVersion?: string | undefined;
  },
): Promise<PersonDto> {
  refuseSelf(actor, request.personId, 'change your own role', 'OWN_ROLE');
  const now = deps.now?.() ?? new Date();
  // A move whose day has come is done: it must not block the role change as pending.
  await applyDueTransfers(deps.db, actor.companyId, now);
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      const person = await lockPerson(read, request.personId);
      await assertExpectedVersion(request.expectedVersion, person, () =>
        personDtoOf(read, person, now),
      );
      if (person.role === request.role) {
        throw fieldError('role', `is already ${request.role}; choose a different role`);
      }
      if (person.role === 'TEAM_LEAD') {
        await refuseIfLeadsActiveTeam(read, person, 'change the role');
      }
      if (person.role === 'SUPERVISOR') await refuseIfSupervisesActiveTeam(read, person);
      if (person.role === 'WORKER') await refuseIfTransferPending(read, person);
      const team =
        request.role === 'WORKER' ? await activeTeamForWorker(read, request.teamId) : null;
      if (request.role !== 'WORKER') refuseTeamForNonWorker(request.role, request.teamId);
      const teamId = team?.id ?? null;
      return [
        event(
          EventType.PERSON_ROLE_CHANGED,
          {
            id: person.id,
            from: person.role,
            to: request.role,
            teamId,
            teamAssignedOn: team ? await companyToday(read, actor.companyId, now) : null,
            tokenVersion: person.tokenVersion + 1,
          },
          {
            action: AuditAction.PERSON_ROLE_CHANGED,
            details: { from: person.role, to: request.role, teamId },
          },
        ),
      ];
    },
    personAfter(request.personId, now),
  );
}

/**
 * PERSON_DEACTIVATED (+ AuditLog with the reason). The row stays; is_active goes
 * false and the token version moves on, so the person's sessions stop at once.
 * A pending team move is cancelled in the same transaction
 * (TEAM_TRANSFER_CANCELLED, reason person_deactivated; decision 023), so a
 * reactivated worker comes back to the team they left, not to a stale move.
 */
export async function deactivatePerson(
  deps: ServiceDeps,
  actor: Actor,
  request: { personId: string; reason: string; expectedVersion?: string | undefined },
): Promise<PersonDto> {
  refuseSelf(actor, request.personId, 'deactivate yourself', 'OWN_DEACTIVATION');
  const now = deps.now?.() ?? new Date();
  // A move whose day has come is done: it completes rather than being cancelled.
  await applyDueTransfers(deps.db, actor.companyId, now);
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      const person = await lockPerson(read, request.personId);
      await assertExpectedVersion(request.expectedVersion, person, () =>
        personDtoOf(read, person, now),
      );
      // Already inactive: nothing is appended, so the version stays as it is (CC-6).
      if (!person.isActive) {
        throw new AppError('ALREADY_INACTIVE', 'This person is already deactivated.');
      }
      await refuseIfLeadsActiveTeam(read, person, 'deactivate them');
      const pending = await lockPendingTransfer(read, person.id);
      return [
        event(
          EventType.PERSON_DEACTIVATED,
          {
            id: person.id,
            reason: request.reason,
            deactivatedAt: now.toISOString(),
            deactivatedById: actor.personId,
            tokenVersion: person.tokenVersion + 1,
          },
          {
            action: AuditAction.PERSON_DEACTIVATED,
            details: {
              reason: request.reason,
              email: person.email,
              ...(pending ? { cancelledTransferId: pending.id } : {}),
            },
          },
        ),
        ...(pending
          ? [
              event(EventType.TEAM_TRANSFER_CANCELLED, {
                transferId: pending.id,
                personId: person.id,
                fromTeamId: pending.fromTeamId,
                toTeamId: pending.toTeamId,
                reason: 'person_deactivated',
                cancelledAt: now.toISOString(),
              }),
            ]
          : []),
      ];
    },
    personAfter(request.personId, now),
  );
}

/** PERSON_REACTIVATED (+ AuditLog): the person can log in again; old sessions stay revoked. */
export async function reactivatePerson(
  deps: ServiceDeps,
  actor: Actor,
  request: { personId: string; expectedVersion?: string | undefined },
): Promise<PersonDto> {
  const now = deps.now?.() ?? new Date();
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      const person = await lockPerson(read, request.personId);
      await assertExpectedVersion(request.expectedVersion, person, () =>
        personDtoOf(read, person, now),
      );
      if (person.isActive) throw new AppError('ALREADY_ACTIVE', 'This person is already active.');
      if (person.erasedAt) {
        throw new AppError(
          'ALREADY_ERASED',
          'This person’s health data was erased, so they cannot be reactivated; create a new account for them.',
        );
      }
      return [
        event(
          EventType.PERSON_REACTIVATED,
          { id: person.id },
          { action: AuditAction.PERSON_REACTIVATED, details: { email: person.email } },
        ),
      ];
    },
    personAfter(request.personId, now),
  );
}
