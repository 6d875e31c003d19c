import { event, executeCommand, readPasswordHash, withTenant } from '@aegira/db';
import { EventType } from '@aegira/events';
import type { LoginLimiter } from '../../auth/login-limiter.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../auth/password.ts';
import { signSessionToken } from '../../auth/session-token.ts';
import { fieldError } from '../../errors/app-error.ts';
import { type Actor, type ApiDeps, commandActor, type ServiceDeps } from '../actor.ts';
import { type PersonDto, personDtoOf } from '../people/person-dto.ts';
import { lockPerson } from '../people/person-rules.ts';
import { writePersonUpdate } from '../people/person-update.ts';

/** The signed-in person's own record. */
export async function getProfile(deps: ServiceDeps, actor: Actor): Promise<PersonDto> {
  return withTenant(deps.db, actor.companyId, async (read) => {
    const row = await read.person.findUniqueOrThrow({ where: { id: actor.personId } });
    return personDtoOf(read, row, deps.now?.() ?? new Date());
  });
}

/** Own names and phone only (PERSON_UPDATED, changed fields); not an admin action, so no AuditLog. */
export async function updateProfile(
  deps: ServiceDeps,
  actor: Actor,
  request: {
    firstName?: string | undefined;
    lastName?: string | undefined;
    phone?: string | null | undefined;
  },
): Promise<PersonDto> {
  return writePersonUpdate(deps, actor, actor.personId, request, { audit: false });
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/**
 * Verifies the current password (guesses count against the login limits, so a
 * stolen session cannot be used to find it), then PERSON_PASSWORD_CHANGED with
 * the next token version, the new hash set as the person's credential (never
 * in the event): every session ends except the caller's, who gets the token
 * returned here.
 */
export async function changePassword(
  deps: Pick<ApiDeps, 'db' | 'jwtSecret'> & { loginLimiter: LoginLimiter },
  actor: Actor,
  request: ChangePasswordRequest,
  clientAddress: string,
): Promise<{ token: string }> {
  // Its own account key: a signed-in person's guesses are limited like logins, per address and
  // in total (no device exemption: a stolen session may sit in a trusted browser).
  const attempt = {
    address: clientAddress,
    account: `person:${actor.personId}`,
    trustedDevice: false,
  };
  await deps.loginLimiter.beforeAttempt(attempt);
  const storedHash = await readPasswordHash(deps.db, actor);
  const currentHash = storedHash ?? (await dummyPasswordHash());
  if (!(await verifyPassword(currentHash, request.currentPassword))) {
    await deps.loginLimiter.recordFailure(attempt);
    throw fieldError('currentPassword', 'is incorrect', 'INCORRECT_PASSWORD');
  }
  if (request.newPassword === request.currentPassword) {
    throw fieldError('newPassword', 'must be different from the current password', 'WEAK_PASSWORD');
  }
  const passwordHash = await hashPassword(request.newPassword);
  const tokenVersion = await executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      const person = await lockPerson(read, actor.personId);
      return {
        events: [
          event(EventType.PERSON_PASSWORD_CHANGED, {
            id: person.id,
            tokenVersion: person.tokenVersion + 1,
          }),
        ],
        credentials: [{ kind: 'password', personId: person.id, passwordHash }],
      };
    },
    async (read) =>
      (
        await read.person.findUniqueOrThrow({
          where: { id: actor.personId },
          select: { tokenVersion: true },
        })
      ).tokenVersion,
  );
  return {
    token: signSessionToken(deps.jwtSecret, {
      personId: actor.personId,
      companyId: actor.companyId,
      tokenVersion,
    }),
  };
}
