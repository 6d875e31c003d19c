import { executeCommand, projectPersonPasswordChanged, withTenant } from '@aegira/db';
import { EventType } from '@aegira/events';
import type { LoginLimiter } from '../../auth/login-limiter.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { signSessionToken } from '../../auth/session-token.ts';
import { fieldError } from '../../errors/app-error.ts';
import type { Actor, ApiDeps } from '../../trpc/context.ts';
import { commandActor } from '../command-actor.ts';
import { type PersonDto, personDtoOf } from '../people/person-dto.ts';
import { lockPerson } from '../people/person-rules.ts';
import { writePersonUpdate } from '../people/person-update.ts';

/** The signed-in person's own record. */
export async function getProfile(deps: Pick<ApiDeps, 'db'>, actor: Actor): Promise<PersonDto> {
  return withTenant(deps.db, actor.companyId, async (tx) => {
    const row = await tx.person.findUniqueOrThrow({ where: { id: actor.personId } });
    return personDtoOf(tx, row);
  });
}

/** Own names and phone only (PERSON_UPDATED, changed fields); not an admin action, so no AuditLog. */
export async function updateProfile(
  deps: Pick<ApiDeps, 'db'>,
  actor: Actor,
  request: {
    firstName?: string | undefined;
    lastName?: string | undefined;
    phone?: string | null | undefined;
  },
): Promise<PersonDto> {
  return writePersonUpdate(deps.db, actor, actor.personId, request, { audit: false });
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/**
 * Verifies the current password (guesses count against the login limits, so a
 * stolen session cannot be used to find it), then PERSON_PASSWORD_CHANGED with
 * the new hash and the next token version: every session ends except the
 * caller's, who gets the token returned here.
 */
export async function changePassword(
  deps: Pick<ApiDeps, 'db' | 'jwtSecret'> & { loginLimiter: LoginLimiter },
  actor: Actor,
  request: ChangePasswordRequest,
  clientAddress: string,
): Promise<{ token: string }> {
  await deps.loginLimiter.beforeAttempt(clientAddress, actor.email);
  const current = await withTenant(deps.db, actor.companyId, (tx) =>
    tx.person.findUniqueOrThrow({ where: { id: actor.personId }, select: { passwordHash: true } }),
  );
  if (!(await verifyPassword(current.passwordHash, request.currentPassword))) {
    await deps.loginLimiter.recordFailure(actor.email);
    throw fieldError('currentPassword', 'is incorrect', 'INCORRECT_PASSWORD');
  }
  if (request.newPassword === request.currentPassword) {
    throw fieldError('newPassword', 'must be different from the current password', 'WEAK_PASSWORD');
  }
  const passwordHash = await hashPassword(request.newPassword);
  const tokenVersion = await executeCommand(
    deps.db,
    commandActor(actor),
    async (tx) => {
      const person = await lockPerson(tx, actor.personId);
      return {
        type: EventType.PERSON_PASSWORD_CHANGED,
        entityId: person.id,
        payload: { id: person.id, passwordHash, tokenVersion: person.tokenVersion + 1 },
      };
    },
    async (scope) => (await projectPersonPasswordChanged(scope.tx, scope.event)).tokenVersion,
  );
  return {
    token: signSessionToken(deps.jwtSecret, {
      personId: actor.personId,
      companyId: actor.companyId,
      tokenVersion,
    }),
  };
}
