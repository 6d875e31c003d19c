import { randomUUID } from 'node:crypto';
import { AuditAction, EventType } from '@aegira/events';
import type { Db } from '../client.ts';
import type { CredentialWrite } from '../credentials.ts';
import { event } from '../write-path.ts';
import { appendInBatches, type DatedEvent } from './append-batches.ts';
import { createRng, seedOf } from './rng.ts';

export interface SeedSchedule {
  windowStart: string;
  windowEnd: string;
  /** ISO weekdays, 1 = Monday. */
  workDays: number[];
}

export interface SeedCompanyOptions {
  workers: number;
  /** Members per team, drawn between min and max (the last team takes what is left). */
  teamSize?: { min: number; max: number };
  /** Teams per supervisor (the last supervisor may have fewer). */
  teamsPerSupervisor?: number;
  /** The schedule of every team; by default 06:00–10:00 Monday to Friday. */
  schedule?: SeedSchedule;
  /** The local date workers join their team. */
  assignedOn: string;
  /** When the company, people and teams are created (their events' created_at). */
  at: Date;
  timezone?: string;
  name?: string;
  seed?: number;
  /** A password hash for the people who sign in (admin, supervisors, leads, first 20 workers). */
  passwordHash?: string | null;
}

export interface SeededTeam {
  id: string;
  name: string;
  leadId: string;
  supervisorId: string | null;
  memberIds: string[];
  schedule: SeedSchedule;
}

export interface SeededCompany {
  companyId: string;
  slug: string;
  timezone: string;
  adminId: string;
  adminEmail: string;
  supervisorIds: string[];
  teams: SeededTeam[];
  workerIds: string[];
  /** Each worker's team. */
  teamOf: Map<string, SeededTeam>;
  /** When the company was created (the clock the seed started from). */
  createdAt: Date;
  /** The first team, its lead and supervisor (what the benchmark reads as). */
  teamId: string;
  leadId: string;
  supervisorId: string;
  teamIdOf(index: number): string;
}

const FIRST = ['Ava', 'Liam', 'Mia', 'Noah', 'Zoe', 'Ethan', 'Isla', 'Lucas', 'Ruby', 'Omar'];
const LAST = ['Nguyen', 'Okafor', 'Schmidt', 'Haddad', 'Kowalski', 'Moreau', 'Tanaka', 'Silva'];
const SIGN_IN_WORKERS = 20;

type Role = 'ADMIN' | 'SUPERVISOR' | 'TEAM_LEAD' | 'WORKER';

function personCreated(
  id: string,
  email: string,
  role: Role,
  names: [string, string],
  team: { id: string; on: string } | null,
) {
  return event(
    EventType.PERSON_CREATED,
    {
      id,
      email,
      firstName: names[0],
      lastName: names[1],
      phone: null,
      windowStart: null,
      windowEnd: null,
      workDays: [],
      role,
      teamId: team?.id ?? null,
      teamAssignedOn: team?.on ?? null,
      mustChangePassword: false,
    },
    { action: AuditAction.PERSON_CREATED, details: { email, role, teamId: team?.id ?? null } },
  );
}

/** Team sizes adding up to `workers`, each between min and max where the total allows. */
export function teamSizes(workers: number, min: number, max: number, seed: number): number[] {
  const rng = createRng(seedOf('team-sizes', seed));
  const sizes: number[] = [];
  let left = workers;
  while (left > 0) {
    const size = left <= max ? left : Math.min(rng.int(min, max), left - min);
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/**
 * A company built through the write path (events and projections, not raw inserts), dated by
 * `at`: an admin, supervisors over groups of teams, and teams with a lead and their workers,
 * in a few large commands.
 */
export async function seedCompany(db: Db, options: SeedCompanyOptions): Promise<SeededCompany> {
  const seed = options.seed ?? 1;
  const rng = createRng(seedOf('company', seed));
  const companyId = randomUUID();
  const slug = `seed-${companyId.slice(0, 8)}`;
  const domain = `${slug}.aegira.test`;
  const timezone = options.timezone ?? 'UTC';
  const schedule = options.schedule ?? {
    windowStart: '06:00',
    windowEnd: '10:00',
    workDays: [1, 2, 3, 4, 5],
  };
  const names = (): [string, string] => [rng.pick(FIRST), rng.pick(LAST)];
  const at = options.at;
  const adminId = randomUUID();
  const adminEmail = `admin@${domain}`;
  const sizes = teamSizes(
    options.workers,
    options.teamSize?.min ?? 20,
    options.teamSize?.max ?? 50,
    seed,
  );
  const perSupervisor = options.teamsPerSupervisor ?? 8;
  const supervisorIds = Array.from({ length: Math.ceil(sizes.length / perSupervisor) }, () =>
    randomUUID(),
  );
  const teams: SeededTeam[] = sizes.map((size, index) => ({
    id: randomUUID(),
    name: `Crew ${index + 1}`,
    leadId: randomUUID(),
    supervisorId: supervisorIds[Math.floor(index / perSupervisor)] ?? null,
    memberIds: Array.from({ length: size }, () => randomUUID()),
    schedule,
  }));
  const company = { name: options.name ?? `Seeded ${companyId.slice(0, 8)}`, slug, timezone };
  const people: DatedEvent[] = [
    event(
      EventType.COMPANY_CREATED,
      { id: companyId, ...company },
      {
        action: AuditAction.COMPANY_CREATED,
        details: company,
      },
    ),
    personCreated(adminId, adminEmail, 'ADMIN', ['Alex', 'Admin'], null),
    ...supervisorIds.map((id, index) =>
      personCreated(id, `supervisor${index + 1}@${domain}`, 'SUPERVISOR', names(), null),
    ),
    ...teams.map((team, index) =>
      personCreated(team.leadId, `lead${index + 1}@${domain}`, 'TEAM_LEAD', names(), null),
    ),
  ].map((entry) => ({ event: entry, at }));
  const teamEvents: DatedEvent[] = teams
    .map((team) =>
      event(
        EventType.TEAM_CREATED,
        {
          id: team.id,
          name: team.name,
          description: null,
          leaderId: team.leadId,
          supervisorId: team.supervisorId,
          ...schedule,
        },
        {
          action: AuditAction.TEAM_CREATED,
          details: { name: team.name, leaderId: team.leadId, supervisorId: team.supervisorId },
        },
      ),
    )
    .map((entry) => ({ event: entry, at }));
  const workers: DatedEvent[] = [];
  let workerNumber = 0;
  for (const team of teams) {
    for (const id of team.memberIds) {
      workerNumber += 1;
      workers.push({
        event: personCreated(id, `worker${workerNumber}@${domain}`, 'WORKER', names(), {
          id: team.id,
          on: options.assignedOn,
        }),
        at,
      });
    }
  }
  const workerIds = teams.flatMap((team) => team.memberIds);
  const hash = options.passwordHash;
  const signsIn = [adminId, ...supervisorIds, ...teams.map((team) => team.leadId)];
  const credentials: CredentialWrite[] = hash
    ? [...signsIn, ...workerIds.slice(0, SIGN_IN_WORKERS)].map((personId) => ({
        kind: 'password',
        personId,
        passwordHash: hash,
      }))
    : [];
  // People before the teams they lead, teams before their members: each in its own command,
  // as the set-based projections write one table after another.
  const actor = { companyId, actorId: adminId };
  for (const events of [people, teamEvents, workers]) {
    await appendInBatches(db, actor, events, { credentials });
  }
  const teamOf = new Map(teams.flatMap((team) => team.memberIds.map((id) => [id, team] as const)));
  const firstTeam = teams[0];
  if (!firstTeam) throw new Error('a seeded company needs at least one worker');
  return {
    companyId,
    slug,
    timezone,
    adminId,
    adminEmail,
    supervisorIds,
    teams,
    workerIds,
    teamOf,
    createdAt: at,
    teamId: firstTeam.id,
    leadId: firstTeam.leadId,
    supervisorId: supervisorIds[0] ?? adminId,
    teamIdOf: (index) => teamOf.get(workerIds[index] ?? '')?.id ?? firstTeam.id,
  };
}
