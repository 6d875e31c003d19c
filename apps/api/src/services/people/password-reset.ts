import { event, executeCommand } from '@aegira/db';
import { AuditAction, EventType } from '@aegira/events';
import { generateOneTimePassword } from '../../auth/one-time-password.ts';
import { hashPassword } from '../../auth/password.ts';
import { AppError } from '../../errors/app-error.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { lockPerson } from './person-rules.ts';

/**
 * An admin resets someone's forgotten password (product.md "Sign-up and
 * sessions"): a new one-time password, returned once to the admin and stored
 * only as a hash in the credentials table; PERSON_PASSWORD_RESET (+ AuditLog)
 * moves the token version on, so every session of the person ends, and marks
 * that the password must be changed at the next login.
 */
export async function resetPassword(
  deps: ServiceDeps,
  actor: Actor,
  request: { personId: string },
): Promise<{ oneTimePassword: string }> {
  if (request.personId === actor.personId) {
    throw new AppError(
      'SELF_ACTION_FORBIDDEN',
      'You cannot reset your own password. Change it on your profile page, or ask another admin.',
      { reason: 'OWN_PASSWORD' },
    );
  }
  const oneTimePassword = generateOneTimePassword();
  // Hashing is slow on purpose; it happens before the transaction opens.
  const passwordHash = await hashPassword(oneTimePassword);
  await executeCommand(deps.db, commandActor(actor), async (read) => {
    const person = await lockPerson(read, request.personId);
    if (!person.isActive) {
      throw new AppError(
        'ALREADY_INACTIVE',
        `${person.firstName} ${person.lastName} is deactivated; reactivate them before resetting their password.`,
      );
    }
    return {
      events: [
        event(
          EventType.PERSON_PASSWORD_RESET,
          { id: person.id, resetById: actor.personId, tokenVersion: person.tokenVersion + 1 },
          { action: AuditAction.PERSON_PASSWORD_RESET, details: { email: person.email } },
        ),
      ],
      credentials: [{ kind: 'password', personId: person.id, passwordHash }],
    };
  });
  return { oneTimePassword };
}
