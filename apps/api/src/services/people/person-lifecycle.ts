import {
  executeCommand,
  projectPersonDeactivated,
  projectPersonReactivated,
  projectPersonRoleChanged,
} from '@aegira/db';
import { AuditAction, EventType, type Role } from '@aegira/events';
import { AppError, fieldError } from '../../errors/app-error.ts';
import type { Actor } from '../../trpc/context.ts';
import { commandActor } from '../command-actor.ts';
import type { PeopleDeps } from './people-service.ts';
import { type PersonDto, personDtoOf } from './person-dto.ts';
import {
  activeTeamForWorker,
  companyToday,
  lockPerson,
  refuseIfLeadsActiveTeam,
  refuseIfSupervisesActiveTeam,
  refuseIfTransferPending,
  refuseSelf,
  refuseTeamForNonWorker,
} from './person-rules.ts';

/**
 * PERSON_ROLE_CHANGED (+ AuditLog). The token version moves on, so the new role
 * applies from the person's next request. Becoming a WORKER joins a team at
 * once; leaving the WORKER role leaves the team.
 */
export async function changePersonRole(
  deps: PeopleDeps,
  actor: Actor,
  request: { personId: string; role: Role; teamId?: string | undefined },
): Promise<PersonDto> {
  refuseSelf(actor, request.personId, 'change your own role', 'OWN_ROLE');
  const now = deps.now?.() ?? new Date();
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (tx) => {
      const person = await lockPerson(tx, request.personId);
      if (person.role === request.role) {
        throw fieldError('role', `is already ${request.role}; choose a different role`);
      }
      if (person.role === 'TEAM_LEAD') await refuseIfLeadsActiveTeam(tx, person, 'change the role');
      if (person.role === 'SUPERVISOR') await refuseIfSupervisesActiveTeam(tx, person);
      if (person.role === 'WORKER') await refuseIfTransferPending(tx, person);
      const team = request.role === 'WORKER' ? await activeTeamForWorker(tx, request.teamId) : null;
      if (request.role !== 'WORKER') refuseTeamForNonWorker(request.role, request.teamId);
      return {
        type: EventType.PERSON_ROLE_CHANGED,
        entityId: person.id,
        payload: {
          id: person.id,
          from: person.role,
          to: request.role,
          teamId: team?.id ?? null,
          teamAssignedOn: team ? await companyToday(tx, actor.companyId, now) : null,
          tokenVersion: person.tokenVersion + 1,
        },
      };
    },
    async (scope) => {
      const row = await projectPersonRoleChanged(scope.tx, scope.event);
      const { from, to, teamId } = scope.event.payload;
      await scope.audit({
        action: AuditAction.PERSON_ROLE_CHANGED,
        entityType: 'person',
        entityId: row.id,
        details: { from, to, teamId },
      });
      return personDtoOf(scope.tx, row);
    },
  );
}

/**
 * PERSON_DEACTIVATED (+ AuditLog with the reason). The row stays; is_active goes
 * false and the token version moves on, so the person's sessions stop at once.
 */
export async function deactivatePerson(
  deps: PeopleDeps,
  actor: Actor,
  request: { personId: string; reason: string },
): Promise<PersonDto> {
  refuseSelf(actor, request.personId, 'deactivate yourself', 'OWN_DEACTIVATION');
  const now = deps.now?.() ?? new Date();
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (tx) => {
      const person = await lockPerson(tx, request.personId);
      if (!person.isActive) {
        throw new AppError('ALREADY_INACTIVE', 'This person is already deactivated.');
      }
      await refuseIfLeadsActiveTeam(tx, person, 'deactivate them');
      return {
        type: EventType.PERSON_DEACTIVATED,
        entityId: person.id,
        payload: {
          id: person.id,
          reason: request.reason,
          deactivatedAt: now.toISOString(),
          deactivatedById: actor.personId,
          tokenVersion: person.tokenVersion + 1,
        },
      };
    },
    async (scope) => {
      const row = await projectPersonDeactivated(scope.tx, scope.event);
      await scope.audit({
        action: AuditAction.PERSON_DEACTIVATED,
        entityType: 'person',
        entityId: row.id,
        details: { reason: scope.event.payload.reason, email: row.email },
      });
      return personDtoOf(scope.tx, row);
    },
  );
}

/** PERSON_REACTIVATED (+ AuditLog): the person can log in again; old sessions stay revoked. */
export async function reactivatePerson(
  deps: PeopleDeps,
  actor: Actor,
  request: { personId: string },
): Promise<PersonDto> {
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (tx) => {
      const person = await lockPerson(tx, request.personId);
      if (person.isActive) throw new AppError('ALREADY_ACTIVE', 'This person is already active.');
      return {
        type: EventType.PERSON_REACTIVATED,
        entityId: person.id,
        payload: { id: person.id },
      };
    },
    async (scope) => {
      const row = await projectPersonReactivated(scope.tx, scope.event);
      await scope.audit({
        action: AuditAction.PERSON_REACTIVATED,
        entityType: 'person',
        entityId: row.id,
        details: { email: row.email },
      });
      return personDtoOf(scope.tx, row);
    },
  );
}
