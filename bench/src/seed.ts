import { randomUUID } from 'node:crypto';
import { type Db, type DecidedEvent, event, executeCommand } from '@aegira/db';

export interface BenchCompany {
  companyId: string;
  adminId: string;
  supervisorId: string;
  /** The first team and its lead. */
  teamId: string;
  leadId: string;
  /** The team of the worker at `index` of workerIds. */
  teamIdOf(index: number): string;
  workerIds: string[];
}

const BATCH = 2_000;

/** Appends events through the write path in commands of at most BATCH events. */
export async function appendInBatches(
  db: Db,
  actor: { companyId: string; actorId: string | null },
  events: DecidedEvent[],
): Promise<void> {
  for (let start = 0; start < events.length; start += BATCH) {
    const batch = events.slice(start, start + BATCH);
    await executeCommand(db, actor, async () => batch);
  }
}

function personCreated(
  id: string,
  role: 'ADMIN' | 'SUPERVISOR' | 'TEAM_LEAD' | 'WORKER',
  teamId: string | null,
  assignedOn: string | null,
) {
  return event('PERSON_CREATED', {
    id,
    email: `${role.toLowerCase()}-${id}@bench.aegira.test`,
    firstName: role,
    lastName: id.slice(0, 8),
    phone: null,
    windowStart: null,
    windowEnd: null,
    workDays: [],
    role,
    teamId,
    teamAssignedOn: assignedOn,
    mustChangePassword: false,
  });
}

/**
 * A company with `teamCount` teams open all day every day (a supervisor over
 * the first ten) and `workers` members spread over them, built through the
 * product's write path (events and projections), not raw inserts.
 */
export async function seedCompany(
  db: Db,
  workers: number,
  assignedOn: string,
  teamCount = 1,
): Promise<BenchCompany> {
  const companyId = randomUUID();
  const adminId = randomUUID();
  const supervisorId = randomUUID();
  const teams = Array.from({ length: teamCount }, () => ({
    id: randomUUID(),
    leadId: randomUUID(),
  }));
  const actor = { companyId, actorId: adminId };
  await executeCommand(db, actor, async () => [
    event('COMPANY_CREATED', {
      id: companyId,
      name: `Bench ${companyId.slice(0, 8)}`,
      slug: `bench-${companyId}`,
      timezone: 'UTC',
    }),
    personCreated(adminId, 'ADMIN', null, null),
    personCreated(supervisorId, 'SUPERVISOR', null, null),
  ]);
  await appendInBatches(db, actor, [
    ...teams.map((team) => personCreated(team.leadId, 'TEAM_LEAD', null, null)),
    ...teams.map((team, index) =>
      event('TEAM_CREATED', {
        id: team.id,
        name: `Crew ${index + 1}`,
        description: null,
        leaderId: team.leadId,
        supervisorId: index < 10 ? supervisorId : null,
        windowStart: '00:00',
        windowEnd: '23:59',
        workDays: [1, 2, 3, 4, 5, 6, 7],
      }),
    ),
  ]);
  const workerIds = Array.from({ length: workers }, () => randomUUID());
  const teamOf = (index: number) => teams[index % teams.length] ?? teams[0];
  await appendInBatches(
    db,
    actor,
    workerIds.map((id, index) =>
      personCreated(id, 'WORKER', teamOf(index)?.id ?? null, assignedOn),
    ),
  );
  const first = teams[0];
  if (!first) throw new Error('a bench company needs a team');
  return {
    companyId,
    adminId,
    supervisorId,
    teamId: first.id,
    leadId: first.leadId,
    teamIdOf: (index: number) => teamOf(index)?.id ?? first.id,
    workerIds,
  };
}
