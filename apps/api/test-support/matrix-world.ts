import type { Role } from '@aegira/events';
import type { TestApi } from './api-harness.ts';
import {
  type CompanyFixture,
  companyFixture,
  FIXTURE_PASSWORD,
  holidayFixture,
  personFixture,
  teamFixture,
} from './fixtures.ts';

export interface Account {
  id: string;
  /** The company's sign-in name (slug). */
  company: string;
  email: string;
  password: string;
}

/** One company with a person of every role, a team and a check-in, and a second company. */
export interface MatrixWorld {
  company: CompanyFixture;
  accounts: Record<Role, Account>;
  teamId: string;
  holidayId: string;
  checkInId: string;
  checkInDate: string;
  foreignAdmin: Account;
  /** One API token per scope, issued by the admin. */
  tokens: Record<TokenScope, string>;
}

export type TokenScope = 'READ_ONLY' | 'WHS' | 'ADMIN';

const ADMIN_PASSWORD = 'correct horse battery staple';

export async function buildMatrixWorld(api: TestApi): Promise<MatrixWorld> {
  const company = await companyFixture(api);
  const adminProfile = await company.admin.api.profile.get();
  const supervisor = await personFixture(api, company, 'SUPERVISOR');
  const whs = await personFixture(api, company, 'WHS');
  const team = await teamFixture(api, company, {
    windowStart: '00:00',
    windowEnd: '23:59',
    workDays: [1, 2, 3, 4, 5, 6, 7],
    supervisorId: supervisor.id,
  });
  const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
  const checkIn = await worker.client.api.checkIn.submit({
    hoursSlept: 8,
    sleepQuality: 7,
    stressLevel: 3,
    physicalCondition: 8,
    painLevel: 0,
  });
  const holidayId = await holidayFixture(api, company, {
    date: '2031-05-05',
    name: 'Matrix Day',
    recurring: false,
  });
  const issue = async (scope: TokenScope) =>
    (await company.admin.api.apiTokens.create({ name: `matrix ${scope}`, scope })).token;
  const tokens = {
    READ_ONLY: await issue('READ_ONLY'),
    WHS: await issue('WHS'),
    ADMIN: await issue('ADMIN'),
  };
  const foreign = await companyFixture(api);
  const foreignProfile = await foreign.admin.api.profile.get();
  const account = (person: { id: string; email: string; companySlug: string }): Account => ({
    id: person.id,
    company: person.companySlug,
    email: person.email,
    password: FIXTURE_PASSWORD,
  });
  return {
    company,
    accounts: {
      ADMIN: {
        id: company.adminId,
        company: company.slug,
        email: adminProfile.email,
        password: ADMIN_PASSWORD,
      },
      WHS: account(whs),
      SUPERVISOR: account(supervisor),
      TEAM_LEAD: account(team.lead),
      WORKER: account(worker),
    },
    teamId: team.id,
    holidayId,
    checkInId: checkIn.id,
    checkInDate: checkIn.localDate,
    tokens,
    foreignAdmin: {
      id: foreign.adminId,
      company: foreign.slug,
      email: foreignProfile.email,
      password: ADMIN_PASSWORD,
    },
  };
}
