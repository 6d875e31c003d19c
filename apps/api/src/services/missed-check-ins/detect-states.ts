import type { ReadTx } from '@aegira/db';
import type { TimedWorkerState, WorkDay, WorkerState } from '@aegira/domain';

// What each person was during one local day, read from the versions of persons and teams
// (docs/decisions/012-validity-periods.md) and from pending transfers, in three set-based
// queries for the whole company.

interface PersonVersionRow {
  id: string;
  role: string;
  is_active: boolean;
  team_id: string | null;
  team_assigned_on: string | null;
  window_start: string | null;
  window_end: string | null;
  work_days: number[] | null;
  updated_at: Date;
}

interface TeamVersionRow {
  id: string;
  is_active: boolean;
  leader_id: string;
  window_start: string;
  window_end: string;
  work_days: number[] | null;
  updated_at: Date;
}

interface TransferRow {
  person_id: string;
  to_team_id: string;
  effective_on: string;
  created_at: Date;
  resolved_at: Date | null;
}

export interface DayBounds {
  date: string;
  /** The first instant of the local day. */
  start: Date;
  /** The end of the local day, or now for today: nothing later is read. */
  end: Date;
}

function workDaysOf(days: readonly number[] | null): WorkDay[] {
  return (days ?? []).filter(
    (day): day is WorkDay => Number.isInteger(day) && day >= 1 && day <= 7,
  );
}

/** The latest entry in effect at `at` (entries sorted by time ascending), or null. */
function inEffect<T extends { updated_at: Date }>(rows: readonly T[], at: number): T | null {
  let found: T | null = null;
  for (const row of rows) {
    if (row.updated_at.getTime() > at) break;
    found = row;
  }
  return found;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * Every version in effect at some instant of the day: the one in effect at its start
 * (app_persons_at / app_teams_at) and those written during it, oldest first per row.
 */
async function loadVersions(read: ReadTx, companyId: string, day: DayBounds) {
  const persons = await read.$queryRaw<PersonVersionRow[]>`
    SELECT v.id, v.role::text AS role, v.is_active, v.team_id, v.team_assigned_on::text,
           v.window_start, v.window_end, v.work_days, v.updated_at
    FROM (SELECT * FROM app_persons_at(${day.start})
          UNION ALL
          SELECT * FROM person_versions
          WHERE company_id = ${companyId}::uuid
            AND updated_at > ${day.start} AND updated_at <= ${day.end}) AS v
    ORDER BY v.id, v.updated_at`;
  const teams = await read.$queryRaw<TeamVersionRow[]>`
    SELECT v.id, v.is_active, v.leader_id, v.window_start, v.window_end, v.work_days, v.updated_at
    FROM (SELECT * FROM app_teams_at(${day.start})
          UNION ALL
          SELECT * FROM team_versions
          WHERE company_id = ${companyId}::uuid
            AND updated_at > ${day.start} AND updated_at <= ${day.end}) AS v
    ORDER BY v.id, v.updated_at`;
  // A transfer counts as done from its effective day even before a command completes it
  // (app_person_team_on), so one still pending at some instant of the day decides the team then.
  const transfers = await read.$queryRaw<TransferRow[]>`
    SELECT person_id, to_team_id, effective_on::text, created_at, resolved_at
    FROM team_transfers
    WHERE effective_on <= ${day.date}::date AND created_at <= ${day.end}
      AND (resolved_at IS NULL OR resolved_at > ${day.start})`;
  return { persons, teams, transfers };
}

/** The pending transfer of the person at `at`, if one was due by the day. */
function pendingAt(transfers: readonly TransferRow[], at: number): TransferRow | null {
  return (
    transfers.find(
      (t) =>
        t.created_at.getTime() <= at && (t.resolved_at === null || t.resolved_at.getTime() > at),
    ) ?? null
  );
}

function stateOf(
  person: PersonVersionRow,
  transfer: TransferRow | null,
  teamVersions: Map<string, TeamVersionRow[]>,
  at: number,
): WorkerState {
  const teamId = transfer ? transfer.to_team_id : person.team_id;
  const team = teamId ? inEffect(teamVersions.get(teamId) ?? [], at) : null;
  const workDays = workDaysOf(person.work_days);
  return {
    person: {
      isActive: person.is_active,
      role: person.role,
      teamId,
      teamAssignedOn: transfer ? transfer.effective_on : person.team_assigned_on,
      override: {
        windowStart: person.window_start,
        windowEnd: person.window_end,
        // An empty list in the row means "no personal override".
        workDays: workDays.length > 0 ? workDays : null,
      },
    },
    team: team
      ? {
          id: team.id,
          isActive: team.is_active,
          leaderId: team.leader_id,
          schedule: {
            windowStart: team.window_start,
            windowEnd: team.window_end,
            workDays: workDaysOf(team.work_days),
          },
        }
      : null,
  };
}

/**
 * Each person's states during the day, as the domain's missDueDuring reads them: a new state
 * wherever their version, their team's version or a pending transfer changed. Persons in
 * `skip` (already decided for the day) are left out.
 */
export async function loadDayStates(
  read: ReadTx,
  companyId: string,
  day: DayBounds,
  skip: ReadonlySet<string>,
): Promise<Map<string, TimedWorkerState[]>> {
  const loaded = await loadVersions(read, companyId, day);
  const teamVersions = groupBy(loaded.teams, (row) => row.id);
  const transfersOf = groupBy(loaded.transfers, (row) => row.person_id);
  const states = new Map<string, TimedWorkerState[]>();
  const start = day.start.getTime();
  for (const [personId, versions] of groupBy(loaded.persons, (row) => row.id)) {
    if (skip.has(personId)) continue;
    const transfers = transfersOf.get(personId) ?? [];
    const teamIds = new Set<string>();
    for (const v of versions) if (v.team_id) teamIds.add(v.team_id);
    for (const t of transfers) teamIds.add(t.to_team_id);
    const changes = new Set<number>([start]);
    const within = (time: number) => time > start && time <= day.end.getTime();
    for (const v of versions)
      if (within(v.updated_at.getTime())) changes.add(v.updated_at.getTime());
    for (const t of transfers) {
      for (const time of [t.created_at.getTime(), t.resolved_at?.getTime()]) {
        if (time !== undefined && within(time)) changes.add(time);
      }
    }
    for (const teamId of teamIds) {
      for (const v of teamVersions.get(teamId) ?? []) {
        if (within(v.updated_at.getTime())) changes.add(v.updated_at.getTime());
      }
    }
    const timeline: TimedWorkerState[] = [];
    for (const at of [...changes].sort((a, b) => a - b)) {
      const version = inEffect(versions, at);
      // Before the person's first version they did not exist yet.
      if (!version) continue;
      const state = stateOf(version, pendingAt(transfers, at), teamVersions, at);
      timeline.push({ from: new Date(at), state });
    }
    if (timeline.length > 0) states.set(personId, timeline);
  }
  return states;
}
