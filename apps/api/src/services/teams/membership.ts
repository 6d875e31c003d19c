import type { ReadTx } from '@aegira/db';

// Team membership on a local date, as the database defines it
// (app_person_team_on / app_team_members_on, docs/decisions/009): a pending
// transfer whose day has come counts as done although no command has completed
// it yet. Reads use these so that rosters and role scoping follow a move at
// midnight without writing anything; `date` is always the company's local date.

/** The team a person belongs to on `date`, or null. */
export async function teamOfPersonOn(
  read: ReadTx,
  personId: string,
  date: string,
): Promise<string | null> {
  const rows = await read.$queryRaw<Array<{ team_id: string | null }>>`
    SELECT app_person_team_on(${personId}::uuid, ${date}::date) AS team_id`;
  return rows[0]?.team_id ?? null;
}

/** The ids of everyone (active or not) who belongs to one of `teamIds` on `date`. */
export async function memberIdsOn(
  read: ReadTx,
  teamIds: readonly string[],
  date: string,
): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await read.$queryRaw<Array<{ person_id: string }>>`
    SELECT DISTINCT m.person_id
    FROM unnest(${[...teamIds]}::uuid[]) AS t(id)
    CROSS JOIN LATERAL app_team_members_on(t.id, ${date}::date) AS m(person_id)`;
  return rows.map((row) => row.person_id);
}

/** How many active people belong to each of `teamIds` on `date` (teams without any are absent). */
export async function activeMemberCounts(
  read: ReadTx,
  teamIds: readonly string[],
  date: string,
): Promise<Map<string, number>> {
  if (teamIds.length === 0) return new Map();
  const rows = await read.$queryRaw<Array<{ team_id: string; members: number }>>`
    SELECT t.id AS team_id, count(*)::int AS members
    FROM unnest(${[...teamIds]}::uuid[]) AS t(id)
    CROSS JOIN LATERAL app_team_members_on(t.id, ${date}::date) AS m(person_id)
    JOIN persons p ON p.id = m.person_id AND p.is_active
    GROUP BY t.id`;
  return new Map(rows.map((row) => [row.team_id, row.members]));
}
