import { randomUUID } from 'node:crypto';
import {
  event,
  executeCommand,
  findSessionPerson,
  isCompanySlugTaken,
  isUniqueViolation,
} from '@aegira/db';
import { AuditAction, EventType } from '@aegira/events';
import { ThrottledError } from '../auth/login-limiter.ts';
import { hashPassword } from '../auth/password.ts';
import { signSessionToken } from '../auth/session-token.ts';
import { DEMO_COMPANY_SLUG } from '../bootstrap/demo-logins.ts';
import { AppError } from '../errors/app-error.ts';
import { logSecurityEvent } from '../http/security-log.ts';
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
    // The demo company's sign-in link is printed by `pnpm start`: it stays the demo's.
    if (candidate === DEMO_COMPANY_SLUG) continue;
    if (!(await isCompanySlugTaken(deps.db, candidate))) return candidate;
  }
  return `${base}-${randomUUID().slice(0, 8)}`;
}

/**
 * A new company with its first admin: COMPANY_CREATED then PERSON_CREATED, one
 * transaction, the admin's password hash set as a credential beside them.
 * Emails are unique per company and the company is new, so any email is
 * accepted: sign-up never tells whether an address is used elsewhere
 * (docs/decisions/031-per-company-accounts.md). Limited per client address.
 */
export async function signUp(
  deps: ApiDeps,
  request: SignUpRequest,
  origin: { clientIp: string; requestId: string },
): Promise<SignedIn> {
  try {
    await deps.loginLimiter.beforeSignUp(origin.clientIp);
  } catch (error) {
    if (error instanceof ThrottledError) {
      logSecurityEvent(deps.logger, 'signup_throttled', {
        requestId: origin.requestId,
        clientIp: origin.clientIp,
      });
    }
    throw error;
  }
  const companyId = randomUUID();
  const adminId = randomUUID();
  const passwordHash = await hashPassword(request.admin.password);

  // Two sign-ups racing for one slug: the loser takes a random suffix.
  for (let attempt = 1; ; attempt += 1) {
    const slug =
      attempt === 1
        ? await freeSlug(deps, request.company.name)
        : `${slugify(request.company.name)}-${randomUUID().slice(0, 8)}`;
    try {
      await createCompany(deps, { companyId, adminId, slug, passwordHash }, request);
      break;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
  return startSession(deps, { personId: adminId, companyId, tokenVersion: 0 });
}

async function createCompany(
  deps: ApiDeps,
  ids: { companyId: string; adminId: string; slug: string; passwordHash: string },
  request: SignUpRequest,
): Promise<void> {
  const { companyId, adminId } = ids;
  await executeCommand(deps.db, { companyId, actorId: adminId }, async () => {
    const company = {
      name: request.company.name,
      slug: ids.slug,
      timezone: request.company.timezone,
    };
    const admin = personCreation({
      id: adminId,
      email: request.admin.email,
      firstName: request.admin.firstName,
      lastName: request.admin.lastName,
      role: 'ADMIN',
      passwordHash: ids.passwordHash,
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
}

export async function startSession(
  deps: ApiDeps,
  claims: { personId: string; companyId: string; tokenVersion: number },
): Promise<SignedIn> {
  const token = signSessionToken(deps.jwtSecret, claims);
  const user = await findSessionPerson(deps.db, claims);
  if (!user) throw new AppError('INVALID_CREDENTIALS', 'Company, email or password is incorrect.');
  return { user, token };
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
