import { randomUUID } from 'node:crypto';
import { event, executeCommand } from '@aegira/db';
import type { Role } from '@aegira/events';
import { hashPassword } from '../src/auth/password.ts';
import { createPerson } from '../src/services/person-writes.ts';
import { createTeam } from '../src/services/team-writes.ts';
import type { TestApi, TestClient } from './api-harness.ts';

export const FIXTURE_PASSWORD = 'fixture-password-2026';
let passwordHash: Promise<string> | undefined;

export interface CompanyFixture {
  companyId: string;
  /** The company's sign-in name: every login names it. */
  slug: string;
  adminId: string;
  admin: TestClient;
  actor: { companyId: string; actorId: string };
}

export async function companyFixture(
  api: TestApi,
  timezone = 'Europe/Berlin',
): Promise<CompanyFixture> {
  const { client, user } = await api.signUpCompany({ timezone });
  return {
    companyId: user.company.id,
    slug: user.company.slug,
    adminId: user.id,
    admin: client,
    actor: { companyId: user.company.id, actorId: user.id },
  };
}

/**
 * A person created through the write path (their password set as a credential,
 * as sign-up does), signed in, with their client.
 */
export async function personFixture(
  api: TestApi,
  company: CompanyFixture,
  role: Role,
  options: {
    teamId?: string | null;
    /** The local day they joined the team (default 2026-01-01, long before any test's day). */
    teamAssignedOn?: string;
    windowStart?: string;
    windowEnd?: string;
    workDays?: number[];
  } = {},
) {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  const id = randomUUID();
  const email = `${role.toLowerCase()}-${id.slice(0, 8)}@example.test`;
  await createPerson(api.db, company.actor, {
    id,
    email,
    firstName: role,
    lastName: id.slice(0, 4),
    role,
    passwordHash: await passwordHash,
    teamId: options.teamId ?? null,
    teamAssignedOn: options.teamId ? (options.teamAssignedOn ?? '2026-01-01') : null,
    windowStart: options.windowStart ?? null,
    windowEnd: options.windowEnd ?? null,
    workDays: options.workDays ?? [],
  });
  const client = api.client();
  await client.api.auth.login({ company: company.slug, email, password: FIXTURE_PASSWORD });
  return { id, email, companySlug: company.slug, client };
}

/**
 * The first login of someone an admin created (people.create sets a password the
 * person must replace): logs in with it and changes it, as the web app makes them.
 * Returns the password they chose.
 */
export async function firstLogin(
  client: TestClient,
  account: { company: string; email: string },
  adminSetPassword: string,
): Promise<string> {
  await client.api.auth.login({ ...account, password: adminSetPassword });
  const chosen = `${adminSetPassword}-own`;
  await client.api.profile.changePassword({
    currentPassword: adminSetPassword,
    newPassword: chosen,
  });
  return chosen;
}

/** A team with its own lead (and optional supervisor), schedule as given. */
export async function teamFixture(
  api: TestApi,
  company: CompanyFixture,
  schedule: {
    windowStart?: string;
    windowEnd?: string;
    workDays?: number[];
    supervisorId?: string;
  } = {},
) {
  const lead = await personFixture(api, company, 'TEAM_LEAD');
  const id = randomUUID();
  await createTeam(api.db, company.actor, {
    id,
    name: `Team ${id.slice(0, 8)}`,
    leaderId: lead.id,
    supervisorId: schedule.supervisorId ?? null,
    windowStart: schedule.windowStart ?? '06:00',
    windowEnd: schedule.windowEnd ?? '10:00',
    workDays: schedule.workDays ?? [1, 2, 3, 4, 5],
  });
  return { id, lead };
}

export async function holidayFixture(
  api: TestApi,
  company: CompanyFixture,
  holiday: { date: string; name: string; recurring: boolean },
) {
  const id = randomUUID();
  await executeCommand(api.db, company.actor, async () => [
    event('HOLIDAY_CREATED', { id, ...holiday }),
  ]);
  return id;
}

/** The reference inputs of issue 3: 86 GREEN. */
export const GOOD_CHECK_IN = {
  hoursSlept: 7.5,
  sleepQuality: 8,
  stressLevel: 3,
  physicalCondition: 8,
  painLevel: 0,
};
