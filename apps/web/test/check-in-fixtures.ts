import { randomUUID } from 'node:crypto';
import { toLocalTime } from '@aegira/domain';
import { hashPassword } from '../../api/src/auth/password.ts';
import { createPerson } from '../../api/src/services/person-writes.ts';
import { createTeam } from '../../api/src/services/team-writes.ts';
import { TestClient } from '../../api/test-support/api-harness.ts';
import type { TestServer } from '../../api/test-support/test-server.ts';
import type { Role } from '../src/trpc/types.ts';
import { companyOfAccount } from './e2e-setup.ts';

export const PERSON_PASSWORD = 'correct horse battery staple';

export type TeamSchedule = { timeZone: string; windowStart: string; windowEnd: string };

/** Open all day, every day: a test using it never depends on the hour or weekday it runs at. */
export const ALWAYS_OPEN: TeamSchedule = {
  timeZone: 'Europe/Berlin',
  windowStart: '00:00',
  windowEnd: '23:59',
};

// One hash for every person here: argon2id is slow on purpose.
let passwordHash: Promise<string> | undefined;

type Company = {
  actor: { companyId: string; actorId: string };
  adminEmail: string;
  server: TestServer;
  timeZone: string;
};

/**
 * What apps/api/test-support/fixtures.ts does for a TestApi, over the running server's
 * dependencies: the browser then logs in against the same database.
 */
async function signUpCompany(server: TestServer, timeZone: string): Promise<Company> {
  const unique = randomUUID().slice(0, 8);
  const adminEmail = `admin.${unique}@e2e.aegira.test`;
  const { user } = await new TestClient(server.deps).api.auth.signUp({
    company: { name: `Harbour Works ${unique}`, timezone: timeZone },
    admin: { firstName: 'Ada', lastName: 'Admin', email: adminEmail, password: PERSON_PASSWORD },
  });
  return { actor: { companyId: user.company.id, actorId: user.id }, adminEmail, server, timeZone };
}

async function addPerson(
  company: Company,
  role: Role,
  firstName: string,
  teamId: string | null = null,
): Promise<{ id: string; email: string }> {
  passwordHash ??= hashPassword(PERSON_PASSWORD);
  const id = randomUUID();
  const email = `${firstName.toLowerCase()}.${id.slice(0, 8)}@e2e.aegira.test`;
  await createPerson(company.server.deps.db, company.actor, {
    id,
    email,
    firstName,
    lastName: 'Tester',
    role,
    passwordHash: await passwordHash,
    teamId,
    // Joining a team without one takes effect at once, i.e. today.
    teamAssignedOn: teamId ? toLocalTime(new Date(), company.timeZone).date : null,
  });
  return { id, email };
}

/** A worker on a team with the given window, every day of the week a work day. */
export async function workerOnTeam(server: TestServer, schedule: TeamSchedule = ALWAYS_OPEN) {
  const company = await signUpCompany(server, schedule.timeZone);
  const lead = await addPerson(company, 'TEAM_LEAD', 'Lena');
  const teamId = randomUUID();
  await createTeam(server.deps.db, company.actor, {
    id: teamId,
    name: `Round the clock ${teamId.slice(0, 8)}`,
    leaderId: lead.id,
    windowStart: schedule.windowStart,
    windowEnd: schedule.windowEnd,
    workDays: [1, 2, 3, 4, 5, 6, 7],
  });
  return addPerson(company, 'WORKER', 'Wanda', teamId);
}

/**
 * A team lead and their team with one worker per first name, all joined today, with the
 * emails to log in with (lead, workers, the company's admin) and the company's id.
 */
export async function leadWithWorkers(
  server: TestServer,
  firstNames: readonly string[],
  schedule: TeamSchedule = ALWAYS_OPEN,
) {
  const company = await signUpCompany(server, schedule.timeZone);
  const lead = await addPerson(company, 'TEAM_LEAD', 'Lena');
  const teamId = randomUUID();
  const teamName = `Harbour crew ${teamId.slice(0, 8)}`;
  await createTeam(server.deps.db, company.actor, {
    id: teamId,
    name: teamName,
    leaderId: lead.id,
    windowStart: schedule.windowStart,
    windowEnd: schedule.windowEnd,
    workDays: [1, 2, 3, 4, 5, 6, 7],
  });
  const workers = [];
  for (const firstName of firstNames) {
    workers.push({ ...(await addPerson(company, 'WORKER', firstName, teamId)), firstName });
  }
  return {
    companyId: company.actor.companyId,
    adminEmail: company.adminEmail,
    lead,
    team: { id: teamId, name: teamName },
    workers,
  };
}

/** A worker nobody has put on a team yet. */
export async function workerWithoutTeam(server: TestServer) {
  return addPerson(await signUpCompany(server, ALWAYS_OPEN.timeZone), 'WORKER', 'Nils');
}

/** The API as this person, without a browser: for building up past check-ins quickly. */
export async function apiClientFor(server: TestServer, email: string): Promise<TestClient> {
  const client = new TestClient(server.deps);
  const company = await companyOfAccount(server.url, email);
  await client.api.auth.login({ company, email, password: PERSON_PASSWORD });
  return client;
}
