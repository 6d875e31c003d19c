import { randomUUID } from 'node:crypto';
import {
  event,
  executeCommand,
  findLoginByEmail,
  findSessionPerson,
  isCompanySlugTaken,
  isEmailTaken,
  isUniqueViolation,
} from '@aegira/db';
import { AuditAction, EventType } from '@aegira/events';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password.ts';
import { signSessionToken } from '../auth/session-token.ts';
import { AppError, fieldError } from '../errors/app-error.ts';
import { type Actor, type ApiDeps, commandActor } from './actor.ts';
import { lockPerson } from './people/person-rules.ts';
import { personCreation } from './person-writes.ts';
import type { SessionUser } from './session-service.ts';

export interface SignUpRequest {
  company: { name: string; timezone: string };
  admin: { firstName: string; lastName: string; email: string; password: string };
}

export interface SignedIn {
  user: SessionUser;
  token: string;
}

const INVALID_CREDENTIALS = 'Email or password is incorrect.';

export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return base || 'company';
}

async function freeSlug(deps: ApiDeps, name: string): Promise<string> {
  const base = slugify(name);
  for (let suffix = 1; suffix <= 20; suffix += 1) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    if (!(await isCompanySlugTaken(deps.db, candidate))) return candidate;
  }
  return `${base}-${randomUUID().slice(0, 8)}`;
}

/**
 * A new company with its first admin: COMPANY_CREATED then PERSON_CREATED, one
 * transaction, the admin's password hash set as a credential beside them.
 */
export async function signUp(deps: ApiDeps, request: SignUpRequest): Promise<SignedIn> {
  const email = request.admin.email;
  if (await isEmailTaken(deps.db, email)) {
    throw fieldError('admin.email', 'an account with this email already exists', 'EMAIL_TAKEN');
  }
  const companyId = randomUUID();
  const adminId = randomUUID();
  const slug = await freeSlug(deps, request.company.name);
  const passwordHash = await hashPassword(request.admin.password);

  try {
    await executeCommand(deps.db, { companyId, actorId: adminId }, async () => {
      const company = { name: request.company.name, slug, timezone: request.company.timezone };
      const admin = personCreation({
        id: adminId,
        email,
        firstName: request.admin.firstName,
        lastName: request.admin.lastName,
        role: 'ADMIN',
        passwordHash,
        teamId: null,
        teamAssignedOn: null,
      });
      return {
        events: [
          event(
            EventType.COMPANY_CREATED,
            { id: companyId, ...company },
            { action: AuditAction.COMPANY_CREATED, details: company },
          ),
          admin.event,
        ],
        credentials: [admin.credential],
      };
    });
  } catch (error) {
    // Lost a race for the same email (or slug) after the checks above.
    if (isUniqueViolation(error)) {
      throw fieldError('admin.email', 'an account with this email already exists', 'EMAIL_TAKEN');
    }
    throw error;
  }
  return startSession(deps, { personId: adminId, companyId, tokenVersion: 0 });
}

async function startSession(
  deps: ApiDeps,
  claims: { personId: string; companyId: string; tokenVersion: number },
): Promise<SignedIn> {
  const token = signSessionToken(deps.jwtSecret, claims);
  const user = await findSessionPerson(deps.db, claims);
  if (!user) throw new AppError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
  return { user, token };
}

/**
 * Email + password. Unknown email, wrong password and inactive accounts get the
 * same answer after the same work (a hash is always verified).
 */
export async function login(
  deps: ApiDeps,
  request: { email: string; password: string },
  clientAddress: string,
): Promise<SignedIn> {
  await deps.loginLimiter.beforeAttempt(clientAddress, request.email);
  const record = await findLoginByEmail(deps.db, request.email);
  const passwordOk = await verifyPassword(
    record?.passwordHash ?? (await dummyPasswordHash()),
    request.password,
  );
  if (!record || !passwordOk || !record.personActive || !record.companyActive) {
    await deps.loginLimiter.recordFailure(request.email);
    throw new AppError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
  }
  await deps.loginLimiter.recordSuccess(request.email);
  return startSession(deps, {
    personId: record.personId,
    companyId: record.companyId,
    tokenVersion: record.tokenVersion,
  });
}

/** Ends every session of the person: the token version moves on, so old tokens stop working. */
export async function logout(deps: ApiDeps, actor: Actor): Promise<void> {
  await executeCommand(deps.db, commandActor(actor), async (read) => {
    // Locked, so a concurrent password change or role change gets the next version, not the same.
    const person = await lockPerson(read, actor.personId);
    return [
      event(EventType.PERSON_SESSIONS_REVOKED, {
        id: actor.personId,
        reason: 'logout',
        tokenVersion: person.tokenVersion + 1,
      }),
    ];
  });
}
