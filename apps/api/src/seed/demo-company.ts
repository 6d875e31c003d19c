import { randomUUID } from 'node:crypto';
import { type Db, event, executeCommand, isEmailTaken } from '@aegira/db';
import { toLocalTime } from '@aegira/domain';
import { AuditAction, EventType } from '@aegira/events';
import { hashPassword } from '../auth/password.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE, type DemoPerson } from '../bootstrap/demo-logins.ts';
import type { ApiDeps } from '../services/actor.ts';
import { signUp } from '../services/auth-service.ts';
import { createPerson } from '../services/person-writes.ts';
import { createTeam } from '../services/team-writes.ts';

function demoPerson(role: DemoPerson['role'], index = 0): DemoPerson {
  const person = DEMO_PEOPLE.filter((candidate) => candidate.role === role)[index];
  if (!person) throw new Error(`demo data has no ${role} #${index + 1}`);
  return person;
}

/** True once the demo company exists; the seed then does nothing. */
export function isDemoSeeded(db: Db): Promise<boolean> {
  return isEmailTaken(db, demoPerson('ADMIN').email);
}

/**
 * The demo company: an admin, a supervisor, a WHS officer, two team leads with
 * teams, ten workers and two holidays, all created through the write path.
 */
export async function seedDemoCompany(
  deps: ApiDeps,
  log: (line: string) => void = () => undefined,
) {
  const adminPerson = demoPerson('ADMIN');
  const { user: admin } = await signUp(deps, {
    company: { name: 'Demo Construction Co', timezone: 'Europe/London' },
    admin: { ...adminPerson, password: DEMO_PASSWORD },
  });
  log(`  company: ${admin.company.name} (${admin.company.timezone})`);
  const actor = { companyId: admin.company.id, actorId: admin.id };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = toLocalTime(new Date(), admin.company.timezone).date;

  const addPerson = async (person: DemoPerson, teamId: string | null = null) => {
    const id = randomUUID();
    const { team: _team, ...fields } = person;
    await createPerson(deps.db, actor, {
      id,
      ...fields,
      passwordHash,
      teamId,
      teamAssignedOn: teamId ? today : null,
    });
    return id;
  };

  const supervisorId = await addPerson(demoPerson('SUPERVISOR'));
  await addPerson(demoPerson('WHS'));
  const lead1 = await addPerson(demoPerson('TEAM_LEAD', 0));
  const lead2 = await addPerson(demoPerson('TEAM_LEAD', 1));
  log('  people: admin, supervisor, WHS officer, two team leads');

  const teams = { A: randomUUID(), B: randomUUID() };
  // Site A is open all day, every day, so the demo works whenever it is tried.
  await createTeam(deps.db, actor, {
    id: teams.A,
    name: 'Site A — Day crew',
    leaderId: lead1,
    supervisorId,
    windowStart: '00:00',
    windowEnd: '23:59',
    workDays: [1, 2, 3, 4, 5, 6, 7],
  });
  await createTeam(deps.db, actor, {
    id: teams.B,
    name: 'Site B — Early crew',
    leaderId: lead2,
    supervisorId,
    windowStart: '05:00',
    windowEnd: '09:00',
    workDays: [1, 2, 3, 4, 5],
  });
  log('  teams: Site A — Day crew (00:00–23:59 daily), Site B — Early crew (05:00–09:00 Mon–Fri)');

  for (const worker of DEMO_PEOPLE.filter((person) => person.role === 'WORKER')) {
    await addPerson(worker, worker.team ? teams[worker.team] : null);
  }
  log('  workers: worker1–5 in Site A, worker6–10 in Site B');

  const year = Number(today.slice(0, 4));
  for (const holiday of [
    { date: `${year}-12-25`, name: 'Christmas Day', recurring: true },
    { date: `${year}-01-01`, name: "New Year's Day", recurring: true },
  ]) {
    const id = randomUUID();
    await executeCommand(deps.db, actor, async () => [
      event(
        EventType.HOLIDAY_CREATED,
        { id, ...holiday },
        { action: AuditAction.HOLIDAY_CREATED, details: holiday },
      ),
    ]);
  }
  log("  holidays: Christmas Day, New Year's Day (recurring)");
}
