/**
 * Every column of the database that names a person, and what a subject-access export
 * (docs/decisions/040-subject-access-export.md) does with the rows it finds through it.
 * apps/api/test/subject-access.int.test.ts reads the catalogue and fails when a column
 * that references persons (a foreign key, or any uuid column not known to name
 * something else) is missing here, so a new table cannot be left out of the export.
 *
 * - `person`: the person's own row.
 * - `rows`: the row is about the person; exported whole (but for `secretColumns`) in `section`.
 * - `reference`: the person only acted on someone else's row (recorded it, reviewed it, leads
 *   the team); exported as a reference (table, id, column, when), never the row, whose content
 *   is the other person's.
 * - `log`: the event log and the audit trail, read by their own readers (upcast payloads,
 *   redacted details) rather than as rows.
 */
export type PersonColumn =
  | { kind: 'person'; table: 'persons'; column: 'id' }
  | {
      kind: 'rows';
      table: string;
      column: string;
      section: RowSection;
      /** A uuid[] column: the person is one of its elements. */
      array?: true;
      /** Credentials and keys: never exported, only the row's metadata is. */
      secretColumns?: readonly string[];
    }
  | { kind: 'reference'; table: string; column: string; array?: true }
  | { kind: 'log'; table: 'events' | 'audit_logs'; column: string };

export const ROW_SECTIONS = [
  'personVersions',
  'credentials',
  'encryptionKeys',
  'teamTransfers',
  'checkIns',
  'missedCheckIns',
  'leave',
  'readinessAlerts',
  'countermeasures',
  'incidents',
  'cases',
  'caseNotes',
  'notifications',
  'apiTokens',
  'loginFailures',
] as const;
export type RowSection = (typeof ROW_SECTIONS)[number];

export const PERSON_COLUMNS: readonly PersonColumn[] = [
  // The person themself: read on its own as the export's `person`.
  { kind: 'person', table: 'persons', column: 'id' },
  { kind: 'rows', table: 'person_versions', column: 'id', section: 'personVersions' },
  {
    kind: 'rows',
    table: 'person_credentials',
    column: 'person_id',
    section: 'credentials',
    secretColumns: ['password_hash'],
  },
  {
    kind: 'rows',
    table: 'person_keys',
    column: 'person_id',
    section: 'encryptionKeys',
    secretColumns: ['key'],
  },
  { kind: 'rows', table: 'team_transfers', column: 'person_id', section: 'teamTransfers' },
  { kind: 'rows', table: 'check_ins', column: 'person_id', section: 'checkIns' },
  { kind: 'rows', table: 'missed_check_ins', column: 'person_id', section: 'missedCheckIns' },
  { kind: 'rows', table: 'leaves', column: 'person_id', section: 'leave' },
  { kind: 'rows', table: 'readiness_alerts', column: 'person_id', section: 'readinessAlerts' },
  { kind: 'rows', table: 'countermeasures', column: 'person_id', section: 'countermeasures' },
  { kind: 'rows', table: 'incidents', column: 'reporter_id', section: 'incidents' },
  {
    kind: 'rows',
    table: 'incidents',
    column: 'people_involved_ids',
    section: 'incidents',
    array: true,
  },
  { kind: 'rows', table: 'notifications', column: 'recipient_id', section: 'notifications' },
  { kind: 'rows', table: 'api_tokens', column: 'created_by_id', section: 'apiTokens' },
  { kind: 'rows', table: 'login_failures', column: 'person_id', section: 'loginFailures' },

  { kind: 'reference', table: 'persons', column: 'deactivated_by_id' },
  { kind: 'reference', table: 'person_versions', column: 'deactivated_by_id' },
  { kind: 'reference', table: 'teams', column: 'leader_id' },
  { kind: 'reference', table: 'teams', column: 'supervisor_id' },
  { kind: 'reference', table: 'teams', column: 'deactivated_by_id' },
  { kind: 'reference', table: 'team_versions', column: 'leader_id' },
  { kind: 'reference', table: 'team_versions', column: 'supervisor_id' },
  { kind: 'reference', table: 'team_versions', column: 'deactivated_by_id' },
  { kind: 'reference', table: 'missed_check_ins', column: 'excused_by_id' },
  { kind: 'reference', table: 'missed_check_ins', column: 'lead_id' },
  { kind: 'reference', table: 'leaves', column: 'recorded_by_id' },
  { kind: 'reference', table: 'leaves', column: 'cancelled_by_id' },
  { kind: 'reference', table: 'api_tokens', column: 'revoked_by_id' },
  { kind: 'reference', table: 'readiness_alerts', column: 'lead_id' },
  { kind: 'reference', table: 'readiness_alerts', column: 'escalated_to_ids', array: true },
  { kind: 'reference', table: 'countermeasures', column: 'recorded_by_id' },
  { kind: 'reference', table: 'incidents', column: 'reviewed_by_id' },
  { kind: 'reference', table: 'cases', column: 'assignee_id' },
  { kind: 'reference', table: 'cases', column: 'opened_by_id' },
  { kind: 'reference', table: 'case_notes', column: 'author_id' },
  { kind: 'reference', table: 'audit_checkpoints', column: 'signed_by_id' },

  { kind: 'log', table: 'events', column: 'actor_id' },
  // Polymorphic: the person when entity_type is 'person' (or one of their records).
  { kind: 'log', table: 'events', column: 'entity_id' },
  { kind: 'log', table: 'audit_logs', column: 'actor_id' },
  { kind: 'log', table: 'audit_logs', column: 'entity_id' },
];

/**
 * Rows about the person's records rather than about the person: the cases of their
 * incidents, and those cases' notes (whoever wrote them). Followed in this order.
 */
export const FOLLOWED_ROWS: ReadonlyArray<{
  table: string;
  column: string;
  section: RowSection;
  of: RowSection;
}> = [
  { table: 'cases', column: 'incident_id', section: 'cases', of: 'incidents' },
  { table: 'case_notes', column: 'case_id', section: 'caseNotes', of: 'cases' },
];
