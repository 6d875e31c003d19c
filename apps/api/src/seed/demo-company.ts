import { randomUUID } from 'node:crypto';
import {
  type CredentialWrite,
  type Db,
  type DecidedEvent,
  event,
  executeCommand,
  isCompanySlugTaken,
} from '@aegira/db';
import { localClock, type SeededTeam } from '@aegira/db/seed';
import { addDays, type Holiday, toLocalTime, weekdayOf } from '@aegira/domain';
import { AuditAction, EventType } from '@aegira/events';
import { hashPassword } from '../auth/password.ts';
import {
  DEMO_COMPANY_SLUG,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  type DemoPerson,
} from '../bootstrap/demo-logins.ts';
import type { ApiDeps } from '../services/actor.ts';
import { personCreation } from '../services/person-writes.ts';
import { teamCreatedEvent } from '../services/team-writes.ts';
import { DEMO_HISTORY_DAYS, type DemoWorker, seedDemoHistory } from './demo-history.ts';
import { seedDemoIncidents } from './demo-incidents.ts';

const TIME_ZONE = 'Europe/London';

function demoPerson(role: DemoPerson['role'], index = 0): DemoPerson {
  const person = DEMO_PEOPLE.filter((candidate) => candidate.role === role)[index];
  if (!person) throw new Error(`demo data has no ${role} #${index + 1}`);
  return person;
}

/** True once the demo company exists; the seed then does nothing. */
export function isDemoSeeded(db: Db): Promise<boolean> {
  return isCompanySlugTaken(db, DEMO_COMPANY_SLUG);
}

/** The first Monday on or after `date`. */
function mondayFrom(date: string): string {
  let day = date;
  while (weekdayOf(day) !== 1) day = addDays(day, 1);
  return day;
}

/**
 * The demo company: an admin, a supervisor, a WHS officer, two team leads with
 * teams, ten workers and three holidays, created 91 days ago through the write
 * path (their events dated then), then 90 days of history up to today
 * (demo-history.ts). `deps.now` fixes the clock (tests).
 */
export async function seedDemoCompany(
  deps: ApiDeps,
  log: (line: string) => void = () => undefined,
) {
  const started = performance.now();
  const now = deps.now?.() ?? new Date();
  const today = toLocalTime(now, TIME_ZONE).date;
  // Everyone joins the day before the history starts (the day of joining is never a miss).
  const startDate = addDays(today, -DEMO_HISTORY_DAYS - 1);
  const at = localClock(startDate, TIME_ZONE)(9 * 60);
  const companyId = randomUUID();
  const adminId = randomUUID();
  const name = 'Demo Construction Co';
  // Fixed: `pnpm start` prints its sign-in link (sign-up never takes it).
  const slug = DEMO_COMPANY_SLUG;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const actor = { companyId, actorId: adminId };
  // One command per step, each dated `at`: what signUp, createPerson and createTeam decide.
  const command = (events: DecidedEvent[], credentials: CredentialWrite[] = []) =>
    executeCommand(deps.db, actor, async () => ({ events, credentials }), { at });

  const ids = new Map<string, string>();
  const personOf = (person: DemoPerson, teamId: string | null = null) => {
    const id = person.role === 'ADMIN' ? adminId : randomUUID();
    ids.set(person.email, id);
    const { team: _team, ...fields } = person;
    return personCreation({
      id,
      ...fields,
      passwordHash,
      teamId,
      teamAssignedOn: teamId ? startDate : null,
    });
  };
  const company = { name, slug, timezone: TIME_ZONE };
  const admin = personOf(demoPerson('ADMIN'));
  await command(
    [
      event(
        EventType.COMPANY_CREATED,
        { id: companyId, ...company },
        { action: AuditAction.COMPANY_CREATED, details: company },
      ),
      admin.event,
    ],
    [admin.credential],
  );
  log(`  company: ${name} (${TIME_ZONE}), created ${startDate}`);

  const staff = [
    demoPerson('SUPERVISOR'),
    demoPerson('WHS'),
    demoPerson('TEAM_LEAD', 0),
    demoPerson('TEAM_LEAD', 1),
  ].map((person) => personOf(person));
  await command(
    staff.map((person) => person.event),
    staff.map((person) => person.credential),
  );
  const idOf = (person: DemoPerson) => ids.get(person.email) ?? '';
  const supervisorId = idOf(demoPerson('SUPERVISOR'));
  log('  people: admin, supervisor, WHS officer, two team leads');

  const teams: Record<'A' | 'B', SeededTeam> = {
    // Site A is open all day, every day, so the demo works whenever it is tried.
    A: {
      id: randomUUID(),
      name: 'Site A — Day crew',
      leadId: idOf(demoPerson('TEAM_LEAD', 0)),
      supervisorId,
      memberIds: [],
      schedule: { windowStart: '00:00', windowEnd: '23:59', workDays: [1, 2, 3, 4, 5, 6, 7] },
    },
    B: {
      id: randomUUID(),
      name: 'Site B — Early crew',
      leadId: idOf(demoPerson('TEAM_LEAD', 1)),
      supervisorId,
      memberIds: [],
      schedule: { windowStart: '05:00', windowEnd: '09:00', workDays: [1, 2, 3, 4, 5] },
    },
  };
  await command(
    Object.values(teams).map((team) =>
      teamCreatedEvent({
        id: team.id,
        name: team.name,
        leaderId: team.leadId,
        supervisorId: team.supervisorId,
        ...team.schedule,
      }),
    ),
  );
  log('  teams: Site A — Day crew (00:00–23:59 daily), Site B — Early crew (05:00–09:00 Mon–Fri)');

  // Worker 5 starts in Site B and moves to Site A during the history (demo-history.ts).
  const workers: DemoWorker[] = [];
  const created = DEMO_PEOPLE.filter((person) => person.role === 'WORKER').map((person, index) => {
    const team = person.team ?? 'A';
    const startsIn = index === 4 ? 'B' : team;
    const creation = personOf(person, teams[startsIn].id);
    workers.push({ id: idOf(person), number: index + 1, team });
    return creation;
  });
  await command(
    created.map((person) => person.event),
    created.map((person) => person.credential),
  );
  log('  workers: worker1–5 in Site A (worker5 moved from Site B), worker6–10 in Site B');

  const year = Number(today.slice(0, 4));
  const holidays: Holiday[] = [
    { date: `${year}-12-25`, name: 'Christmas Day', recurring: true },
    { date: `${year}-01-01`, name: "New Year's Day", recurring: true },
    { date: mondayFrom(addDays(today, -35)), name: 'Site safety stand-down', recurring: false },
  ];
  await command(
    holidays.map((holiday) =>
      event(
        EventType.HOLIDAY_CREATED,
        { id: randomUUID(), ...holiday },
        { action: AuditAction.HOLIDAY_CREATED, details: { ...holiday } },
      ),
    ),
  );
  log("  holidays: Christmas Day, New Year's Day (recurring), a site safety stand-down");

  const history = await seedDemoHistory(
    deps.db,
    { companyId, adminId, timeZone: TIME_ZONE, startDate, teams, workers, holidays },
    now,
  );
  log(
    `  history: ${DEMO_HISTORY_DAYS} days, ${history.checkIns} check-ins (${history.late} late), ${history.misses} misses, ${history.alerts} RED alerts, leave, amendments, a move (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  await seedDemoIncidents(deps, { companyId, whsId: idOf(demoPerson('WHS')), workers }, now, log);
}
