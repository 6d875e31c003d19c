import {
  type Db,
  dateColumn,
  modelOf,
  type Person,
  Prisma,
  type RowOf,
  readInTenant,
  type Team,
} from '@aegira/db';
import type { Holiday } from '@aegira/domain';
import type { MemberFields, MemberRecords } from './member-today.ts';
import { fullName, type TransferDto } from './team-dto.ts';
import { teamJson } from './team-row-sql.ts';

// A team's page of today in ONE statement (issue 10, P2; decision 042): on this machine every
// statement costs 1–3 ms of driver work however small it is, and the page used to take fourteen.
// The rules are those of the queries it replaces: the team if the access policy lets the
// caller see it (readableTeamSql), the company's local date, members as
// app_team_members_on defines them (a due transfer counts as done, docs/decisions/009),
// moves still to come, and, for the roles that see it, each member's check-in, open miss
// and leave of today.

/** A member as the roster reads them: what memberDtoOf and memberToday need. */
export type RosterPerson = MemberFields &
  Pick<Person, 'id' | 'firstName' | 'lastName' | 'email' | 'role' | 'teamAssignedOn'>;

export interface RosterMember {
  person: RosterPerson;
  /** The day a due transfer brought them in (their row still names the old day). */
  joinedOn: string | null;
  /** Today's records; null when the caller's role does not see check-in status. */
  records: MemberRecords | null;
}

export interface TeamRoster {
  team: Team;
  timeZone: string;
  /** The company's local date the roster is of. */
  today: string;
  /** Names of the team's lead and supervisor, by id. */
  names: Map<string, string>;
  /** Active members today. */
  memberCount: number;
  members: RosterMember[];
  /** Pending moves of members or into the team, effective after today. */
  transfers: TransferDto[];
  /** The company's active holidays; empty when check-in status is not read. */
  holidays: Holiday[];
}

interface NameJson {
  id: string;
  firstName: string;
  lastName: string;
}

interface MemberJson {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  role: Person['role'];
  isActive: boolean;
  teamAssignedOn: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  workDays: number[];
  joinedOn: string | null;
  checkIn: {
    id: string;
    readinessScore: number;
    readinessLevel: 'GREEN' | 'YELLOW' | 'RED';
    isLate: boolean;
    minutesLate: number;
    submittedAt: string;
  } | null;
  openMiss: { id: string; detectedAt: string; windowEnd: string | null } | null;
  leave: {
    id: string;
    type: 'ANNUAL' | 'SICK' | 'OTHER';
    startDate: string;
    endDate: string;
  } | null;
}

interface TransferJson {
  id: string;
  personId: string;
  personName: NameJson | null;
  fromTeamId: string;
  fromTeamName: string | null;
  toTeamId: string;
  toTeamName: string | null;
  effectiveOn: string;
  status: TransferDto['status'];
}

interface RosterRow {
  team: RowOf<Team> | null;
  time_zone: string | null;
  today: string | null;
  member_count: number;
  names: NameJson[];
  members: MemberJson[];
  transfers: TransferJson[];
  holidays: Holiday[];
}

export interface RosterRequest {
  teamId: string;
  /** readableTeamSql of the caller: a team it rejects reads as absent. */
  visible: Prisma.Sql;
  now: Date;
  /** The company's local date of `now`; null: PostgreSQL converts it (see getTeam). */
  today: string | null;
  /** Add today's check-ins, open misses, leave and the holidays; without, those read nothing. */
  withStatus: boolean;
}

/**
 * The roster of one team on the company's local date, or null when the caller cannot see it.
 * A direct read (decision 044): one statement in its own read-only transaction.
 */
export async function teamRoster(
  db: Db,
  companyId: string,
  request: RosterRequest,
): Promise<TeamRoster | null> {
  const { teamId, withStatus } = request;
  const [row] = await readInTenant<RosterRow>(
    db,
    companyId,
    Prisma.sql`
    WITH team AS MATERIALIZED (
      SELECT t.*, c.timezone,
             COALESCE(${request.today}::date,
                      (${request.now}::timestamptz AT TIME ZONE c.timezone)::date) AS today
      FROM teams t JOIN companies c ON c.id = t.company_id
      WHERE t.id = ${teamId}::uuid AND (${request.visible})
    ),
    member_ids AS MATERIALIZED (
      SELECT m.person_id AS id
      FROM team CROSS JOIN LATERAL app_team_members_on(team.id, team.today) AS m(person_id)
    ),
    members AS MATERIALIZED (
      SELECT p.* FROM persons p WHERE p.id IN (SELECT id FROM member_ids)
    ),
    upcoming AS (
      SELECT t.* FROM team_transfers t
      WHERE t.status = 'PENDING' AND t.effective_on > (SELECT today FROM team)
        AND (t.person_id IN (SELECT id FROM member_ids) OR t.to_team_id IN (SELECT id FROM team))
    )
    SELECT
      (SELECT ${teamJson('team')} FROM team) AS team,
      (SELECT timezone FROM team) AS time_zone,
      (SELECT today::text FROM team) AS today,
      (SELECT count(*) FROM members WHERE is_active)::int AS member_count,
      (SELECT COALESCE(json_agg(json_build_object(
                'id', p.id, 'firstName', p.first_name, 'lastName', p.last_name)), '[]')
       FROM persons p
       WHERE p.id IN (SELECT leader_id FROM team UNION ALL SELECT supervisor_id FROM team)) AS names,
      (SELECT COALESCE(json_agg(json_build_object(
                'id', u.id, 'personId', u.person_id,
                'personName', CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object(
                  'id', p.id, 'firstName', p.first_name, 'lastName', p.last_name) END,
                'fromTeamId', u.from_team_id, 'fromTeamName', ft.name,
                'toTeamId', u.to_team_id, 'toTeamName', tt.name,
                'effectiveOn', u.effective_on, 'status', u.status)
              ORDER BY u.effective_on, u.created_at, u.id), '[]')
       FROM upcoming u
       LEFT JOIN persons p ON p.id = u.person_id
       LEFT JOIN teams ft ON ft.id = u.from_team_id
       LEFT JOIN teams tt ON tt.id = u.to_team_id) AS transfers,
      (SELECT COALESCE(json_agg(json_build_object(
                'date', h.date, 'name', h.name, 'recurring', h.recurring)), '[]')
       FROM holidays h WHERE ${withStatus} AND h.is_active) AS holidays,
      (SELECT COALESCE(json_agg(json_build_object(
                'id', m.id, 'firstName', m.first_name, 'lastName', m.last_name, 'email', m.email,
                'role', m.role, 'isActive', m.is_active, 'teamAssignedOn', m.team_assigned_on,
                'windowStart', m.window_start, 'windowEnd', m.window_end, 'workDays', m.work_days,
                'joinedOn', jt.effective_on,
                'checkIn', CASE WHEN ci.id IS NULL THEN NULL ELSE json_build_object(
                  'id', ci.id, 'readinessScore', ci.readiness_score,
                  'readinessLevel', ci.readiness_level, 'isLate', ci.is_late,
                  'minutesLate', ci.minutes_late, 'submittedAt', ci.submitted_at) END,
                'openMiss', CASE WHEN mc.id IS NULL THEN NULL ELSE json_build_object(
                  'id', mc.id, 'detectedAt', mc.detected_at, 'windowEnd', mc.window_end) END,
                'leave', CASE WHEN lv.id IS NULL THEN NULL ELSE json_build_object(
                  'id', lv.id, 'type', lv.type, 'startDate', lv.start_date,
                  'endDate', lv.end_date) END)
              ORDER BY m.last_name, m.first_name, m.id), '[]')
       FROM members m CROSS JOIN team
       -- At most one pending transfer per person (team_transfers_pending_person_key).
       LEFT JOIN team_transfers jt
         ON jt.company_id = m.company_id AND jt.person_id = m.id AND jt.to_team_id = team.id
        AND jt.status = 'PENDING' AND jt.effective_on <= team.today
       -- One check-in and one miss per person and day (unique keys).
       LEFT JOIN check_ins ci
         ON ${withStatus} AND ci.company_id = m.company_id AND ci.person_id = m.id
        AND ci.local_date = team.today
       LEFT JOIN missed_check_ins mc
         ON ${withStatus} AND mc.company_id = m.company_id AND mc.person_id = m.id
        AND mc.local_date = team.today AND mc.resolved_at IS NULL AND mc.excused_at IS NULL
       -- Active leave of one person never overlaps (recording refuses it).
       LEFT JOIN LATERAL (
         SELECT l.id, l.type, l.start_date, l.end_date FROM leaves l
         WHERE ${withStatus} AND l.company_id = m.company_id AND l.person_id = m.id
           AND l.cancelled_at IS NULL AND l.start_date <= team.today AND l.end_date >= team.today
         LIMIT 1
       ) lv ON true) AS members`,
  );
  if (!row) throw new Error(`the roster of team ${teamId} returned no row`);
  if (!row.team || row.time_zone === null || row.today === null) return null;
  const names = new Map(row.names.map((person) => [person.id, fullName(person)]));
  return {
    team: modelOf.team(row.team),
    timeZone: row.time_zone,
    today: row.today,
    names,
    memberCount: row.member_count,
    members: row.members.map((member) => memberOf(member, withStatus)),
    transfers: row.transfers.map(transferOf),
    holidays: row.holidays,
  };
}

// JSON carries DATE columns as 'YYYY-MM-DD' and timestamps with an offset; the DTO
// builders take them as Prisma returns them (Dates), so they read the same either way.

function memberOf(json: MemberJson, withStatus: boolean): RosterMember {
  const person: RosterPerson = {
    id: json.id,
    firstName: json.firstName,
    lastName: json.lastName,
    email: json.email,
    role: json.role,
    isActive: json.isActive,
    teamAssignedOn: json.teamAssignedOn === null ? null : dateColumn(json.teamAssignedOn),
    windowStart: json.windowStart,
    windowEnd: json.windowEnd,
    workDays: json.workDays,
  };
  const { checkIn, openMiss, leave } = json;
  return {
    person,
    joinedOn: json.joinedOn,
    records: withStatus
      ? {
          checkIn: checkIn ? { ...checkIn, submittedAt: new Date(checkIn.submittedAt) } : undefined,
          openMiss: openMiss
            ? { ...openMiss, detectedAt: new Date(openMiss.detectedAt) }
            : undefined,
          leave: leave
            ? {
                ...leave,
                startDate: dateColumn(leave.startDate),
                endDate: dateColumn(leave.endDate),
              }
            : undefined,
        }
      : null,
  };
}

function transferOf(json: TransferJson): TransferDto {
  return {
    id: json.id,
    person: {
      id: json.personId,
      name: json.personName ? fullName(json.personName) : 'Unknown',
    },
    fromTeam: { id: json.fromTeamId, name: json.fromTeamName ?? 'Unknown' },
    toTeam: { id: json.toTeamId, name: json.toTeamName ?? 'Unknown' },
    effectiveOn: json.effectiveOn,
    status: json.status,
  };
}
