import { type Db, type ReadTx, withTenant } from '@aegira/db';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../actor.ts';
import {
  auditEntriesAbout,
  type ExportedAuditEntry,
  type ExportedEvent,
  eventsAbout,
} from './subject-access-log.ts';
import {
  FOLLOWED_ROWS,
  PERSON_COLUMNS,
  ROW_SECTIONS,
  type RowSection,
} from './subject-access-registry.ts';
import {
  distinctRows,
  type JsonRow,
  type RowReference,
  referencesTo,
  rowsNaming,
} from './subject-access-rows.ts';

/** One period in a team (or in none), from the person's versions. */
export interface TeamPeriod {
  teamId: string | null;
  teamName: string | null;
  /** The local day they joined, as recorded; null outside a team. */
  assignedOn: string | null;
  /** When this membership was recorded, and when the next one was (null: still current). */
  from: string;
  until: string | null;
}

export type SubjectAccessDocument = {
  format: 'aegira-subject-access/1';
  generatedAt: string;
  companyId: string;
  /** The person's row as it is now. */
  person: JsonRow;
  teamHistory: TeamPeriod[];
  /** Rows the person acted on but which are about someone else: where, never what. */
  actedOn: RowReference[];
  auditLog: ExportedAuditEntry[];
  events: ExportedEvent[];
} & Record<RowSection, JsonRow[]>;

type Sections = Record<RowSection, JsonRow[]>;

async function personRow(read: ReadTx, personId: string): Promise<JsonRow> {
  const [row] = await rowsNaming(read, { table: 'persons', column: 'id' }, [personId]);
  if (!row) throw new AppError('NOT_FOUND', 'No person with this id in your company.');
  return row;
}

/** The registry's row sections, then the rows that follow from them (cases, their notes). */
async function sectionsOf(read: ReadTx, personId: string): Promise<Sections> {
  const found: Sections = {
    personVersions: [],
    credentials: [],
    encryptionKeys: [],
    teamTransfers: [],
    checkIns: [],
    missedCheckIns: [],
    leave: [],
    readinessAlerts: [],
    countermeasures: [],
    incidents: [],
    cases: [],
    caseNotes: [],
    notifications: [],
    apiTokens: [],
    loginFailures: [],
  };
  for (const entry of PERSON_COLUMNS) {
    if (entry.kind !== 'rows') continue;
    found[entry.section].push(...(await rowsNaming(read, entry, [personId])));
  }
  for (const follow of FOLLOWED_ROWS) {
    const ids = found[follow.of].flatMap((row) => (typeof row.id === 'string' ? [row.id] : []));
    found[follow.section].push(...(await rowsNaming(read, follow, ids)));
  }
  for (const section of ROW_SECTIONS) found[section] = distinctRows(found[section]);
  return found;
}

async function actedOn(read: ReadTx, personId: string): Promise<RowReference[]> {
  const references: RowReference[] = [];
  for (const entry of PERSON_COLUMNS) {
    if (entry.kind === 'reference') references.push(...(await referencesTo(read, entry, personId)));
  }
  return references;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

async function teamHistoryOf(read: ReadTx, versions: readonly JsonRow[]): Promise<TeamPeriod[]> {
  const periods: TeamPeriod[] = [];
  for (const version of versions) {
    const teamId = text(version.teamId);
    const last = periods.at(-1);
    if (last && last.teamId === teamId) continue;
    const from = text(version.updatedAt) ?? '';
    if (last) last.until = from;
    periods.push({
      teamId,
      teamName: null,
      assignedOn: text(version.teamAssignedOn),
      from,
      until: null,
    });
  }
  const teamIds = [...new Set(periods.flatMap((period) => (period.teamId ? [period.teamId] : [])))];
  const teams = await read.team.findMany({
    where: { id: { in: teamIds } },
    select: { id: true, name: true },
  });
  const names = new Map(teams.map((team) => [team.id, team.name]));
  return periods.map((period) => ({
    ...period,
    teamName: period.teamId ? (names.get(period.teamId) ?? null) : null,
  }));
}

/** The ids of the person's records, whose events and audit entries are theirs too. */
function recordIdsOf(sections: Sections): string[] {
  const ids = new Set<string>();
  for (const section of ROW_SECTIONS) {
    if (section === 'personVersions') continue;
    for (const row of sections[section]) if (typeof row.id === 'string') ids.add(row.id);
  }
  return [...ids];
}

/**
 * Everything held on one person of the actor's company (a subject-access request,
 * docs/decisions/040-subject-access-export.md): their row and every version, the rows
 * about them found through every column that names a person (subject-access-registry.ts),
 * the rows they only acted on as references, the audit entries and the events about them
 * with payloads read as every reader reads them. Credentials as metadata only: no hash or
 * key leaves the database. One read transaction, so the parts agree with each other.
 * Admins only: the caller (the route) checks the role.
 */
export async function subjectAccessExport(
  db: Db,
  actor: Actor,
  personId: string,
  now: Date,
): Promise<SubjectAccessDocument> {
  if (actor.role !== 'ADMIN') {
    throw new AppError('FORBIDDEN', 'Only an admin may export a person’s data.');
  }
  return withTenant(db, actor.companyId, async (read) => {
    const person = await personRow(read, personId);
    const sections = await sectionsOf(read, personId);
    const recordIds = recordIdsOf(sections);
    return {
      format: 'aegira-subject-access/1',
      generatedAt: now.toISOString(),
      companyId: actor.companyId,
      person,
      teamHistory: await teamHistoryOf(read, sections.personVersions),
      ...sections,
      actedOn: await actedOn(read, personId),
      auditLog: await auditEntriesAbout(read, personId, recordIds),
      events: await eventsAbout(read, personId, recordIds),
    };
  });
}
