import { z } from 'zod';
import { sensitive } from './field-marks.ts';
import { hhmm, localDate, readinessLevel, role, timestamp, uuid, workDays } from './primitives.ts';

// Payloads hold everything needed to rebuild the entity by replaying events
// (product.md rule 3): creations carry the whole row, updates the changed fields.
// These are the CURRENT schemas. Changing one means a new version: move the old
// schema to payloads-v<n>.ts and add an upcaster in payload-versions.ts.

const companyCreated = z.strictObject({
  id: uuid,
  name: z.string().min(1),
  slug: z.string().min(1),
  timezone: z.string().min(1),
});
const companyUpdated = z.strictObject({
  id: uuid,
  changes: z.strictObject({ name: z.string().min(1), timezone: z.string().min(1) }).partial(),
});

const personFields = {
  email: z.email(),
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  phone: z.string().nullable(),
  windowStart: hhmm.nullable(),
  windowEnd: hhmm.nullable(),
  workDays,
};
const personCreated = z.strictObject({
  id: uuid,
  ...personFields,
  role,
  // Version 2: the password hash lives in the credentials table only (product.md rule 3).
  teamId: uuid.nullable(),
  teamAssignedOn: localDate.nullable(),
  // Version 3: an admin set the password, so it must be changed at the next login.
  mustChangePassword: z.boolean(),
});
const personUpdated = z.strictObject({
  id: uuid,
  changes: z.strictObject(personFields).partial(),
});
const personRoleChanged = z.strictObject({
  id: uuid,
  from: role,
  to: role,
  // Only a WORKER belongs to a team, so a role change also sets the membership:
  // the team a new WORKER joins, or null for anyone leaving the WORKER role.
  teamId: uuid.nullable(),
  teamAssignedOn: localDate.nullable(),
  tokenVersion: z.number().int(),
});
// Version 2: says only that the password changed; the hash is not in the log.
const personPasswordChanged = z.strictObject({
  id: uuid,
  tokenVersion: z.number().int(),
});
const personSessionsRevoked = z.strictObject({
  id: uuid,
  reason: z.enum(['logout', 'admin']),
  tokenVersion: z.number().int(),
});
const personDeactivated = z.strictObject({
  id: uuid,
  reason: z.string().min(1),
  deactivatedAt: timestamp,
  deactivatedById: uuid,
  tokenVersion: z.number().int(),
});
const personReactivated = z.strictObject({ id: uuid });
// The person's health data was erased (docs/decisions/039): their key is destroyed, so what
// it sealed in the log can no longer be read, and the rows holding it are cleared.
const personErased = z.strictObject({
  id: uuid,
  reason: z.string().min(1).max(500),
  erasedById: uuid,
  erasedAt: timestamp,
});

const teamFields = {
  name: z.string().min(1),
  description: z.string().nullable(),
  leaderId: uuid,
  supervisorId: uuid.nullable(),
  windowStart: hhmm,
  windowEnd: hhmm,
  workDays,
};
const teamCreated = z.strictObject({ id: uuid, ...teamFields });
const teamUpdated = z.strictObject({ id: uuid, changes: z.strictObject(teamFields).partial() });
const teamDeactivated = z.strictObject({
  id: uuid,
  reason: z.string().min(1),
  deactivatedAt: timestamp,
  deactivatedById: uuid,
  // Each of them also gets a TEAM_MEMBER_UNASSIGNED event of their own.
  unassignedPersonIds: z.array(uuid),
});
const teamReactivated = z.strictObject({ id: uuid });

const teamMemberAssigned = z.strictObject({
  personId: uuid,
  teamId: uuid,
  effectiveOn: localDate,
});
const teamMemberUnassigned = z.strictObject({
  personId: uuid,
  teamId: uuid,
  reason: z.enum(['team_deactivated', 'removed']),
});
// Transfers carry their own id (the team_transfers row); their events belong to
// the person, whose team they change (docs/decisions/005-team-transfers.md).
const teamTransferInitiated = z.strictObject({
  transferId: uuid,
  personId: uuid,
  fromTeamId: uuid,
  toTeamId: uuid,
  effectiveOn: localDate,
});
const teamTransferCompleted = z.strictObject({
  transferId: uuid,
  personId: uuid,
  fromTeamId: uuid,
  toTeamId: uuid,
  effectiveOn: localDate,
  completedAt: timestamp,
});
const teamTransferCancelled = z.strictObject({
  transferId: uuid,
  personId: uuid,
  fromTeamId: uuid,
  toTeamId: uuid,
  reason: z.enum(['cancelled_by_admin', 'team_deactivated', 'person_deactivated']),
  cancelledAt: timestamp,
});

// What a worker says about their health: sensitive, unlike the scores derived from it.
const checkInInputs = z.strictObject({
  hoursSlept: sensitive(z.number().min(0).max(15)),
  sleepQuality: sensitive(z.number().int().min(1).max(10)),
  stressLevel: sensitive(z.number().int().min(1).max(10)),
  physicalCondition: sensitive(z.number().int().min(1).max(10)),
  painLevel: sensitive(z.number().int().min(0).max(10)),
  painLocation: sensitive(z.string().nullable()),
  notes: sensitive(z.string().max(500).nullable()),
});
const checkInScores = z.strictObject({
  formulaVersion: z.number().int().positive(),
  hoursScore: z.number(),
  sleepScore: z.number(),
  stressScore: z.number(),
  physicalScore: z.number(),
  painScore: z.number(),
  readinessScore: z.number().int().min(0).max(100),
  level: readinessLevel,
});
const checkInSubmitted = z.strictObject({
  id: uuid,
  personId: uuid,
  teamId: uuid,
  localDate,
  inputs: checkInInputs,
  scores: checkInScores,
  isLate: z.boolean(),
  minutesLate: z.number().int().min(0),
  submittedAt: timestamp,
});
const checkInUpdated = z.strictObject({
  id: uuid,
  version: z.number().int().min(2),
  inputs: checkInInputs,
  scores: checkInScores,
  amendedAt: timestamp,
});

// Version 2 keeps what was true when the miss was recorded (product.md
// "Missed check-ins"), so the record explains itself after later changes.
// Misses recorded before version 2 have no snapshot.
const missSnapshot = z.strictObject({
  windowStart: hhmm,
  windowEnd: hhmm,
  leadId: uuid.nullable(),
  /** Consecutive expected days with a check-in, up to the day before the miss. */
  streakBefore: z.number().int().min(0),
  /** Misses in the 30 days before this one. */
  missesLast30Days: z.number().int().min(0),
});
const missedCheckInDetected = z.strictObject({
  id: uuid,
  personId: uuid,
  teamId: uuid,
  localDate,
  detectedAt: timestamp,
  snapshot: missSnapshot.nullable(),
});
const missedCheckInResolved = z.strictObject({
  id: uuid,
  checkInId: uuid,
  resolvedAt: timestamp,
});

const missedCheckInExcused = z.strictObject({
  id: uuid,
  excusedById: uuid,
  reason: sensitive(z.string().min(1).max(500)),
  excusedAt: timestamp,
});

const leaveType = z.enum(['ANNUAL', 'SICK', 'OTHER']);
const leaveRecorded = z.strictObject({
  id: uuid,
  personId: uuid,
  type: leaveType,
  startDate: localDate,
  endDate: localDate,
  // A sick note can be health data.
  note: sensitive(z.string().max(500).nullable()),
  recordedById: uuid,
});
const leaveCancelled = z.strictObject({
  id: uuid,
  cancelledById: uuid,
  cancelledAt: timestamp,
});

// An admin set a one-time password (the hash is in the credentials table only):
// sessions are revoked and the person must change it at the next login.
const personPasswordReset = z.strictObject({
  id: uuid,
  resetById: uuid,
  tokenVersion: z.number().int(),
});

// A RED check-in (or pain 7 or more) alerts the worker's team lead
// (product.md "Acting on a RED check-in").
const readinessAlertRaised = z.strictObject({
  id: uuid,
  checkInId: uuid,
  personId: uuid,
  teamId: uuid,
  localDate,
  readinessScore: z.number().int(),
  readinessLevel,
  // Health data: the worker's pain.
  painLevel: sensitive(z.number().int().min(0).max(10)),
  leadId: uuid.nullable(),
  raisedAt: timestamp,
});
const countermeasureType = z.enum([
  'LIGHTER_TASK',
  'EXTRA_BREAKS',
  'BUDDY_SYSTEM',
  'SENT_HOME',
  'MONITORED',
  'OTHER',
]);
const countermeasureRecorded = z.strictObject({
  id: uuid,
  alertId: uuid,
  personId: uuid,
  type: countermeasureType,
  // What was done about a worker's condition can be health data.
  note: sensitive(z.string().min(1).max(500)),
  recordedById: uuid,
  recordedAt: timestamp,
});
// No countermeasure within 60 minutes: the supervisor is alerted (every WHS
// officer when the team has no supervisor).
const readinessAlertEscalated = z.strictObject({
  id: uuid,
  escalatedAt: timestamp,
  escalatedTo: z.enum(['SUPERVISOR', 'WHS']),
  escalatedToIds: z.array(uuid),
});

// A signed checkpoint of the company's hash chain (docs/decisions/017-signed-checkpoints.md):
// the statement signed is canonical JSON of (company, sequence, head hash, Merkle root, time, key).
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256');
const auditCheckpointSigned = z.strictObject({
  id: uuid,
  sequence: z.number().int().min(1),
  headHash: sha256Hex,
  merkleRoot: sha256Hex,
  signedAt: timestamp,
  keyId: z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits'),
  /** Ed25519 public key, SPKI DER in base64url. */
  publicKey: z.string().min(1).max(200),
  /** Ed25519 signature of the statement, base64url. */
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'must be an Ed25519 signature in base64url'),
  /**
   * The Merkle tree's frontier at `sequence` (version 2): the roots of its perfect subtrees,
   * largest first, one per bit set in `sequence`. They fold into `merkleRoot`, so the next
   * checkpoint hashes only what was sealed since instead of the whole chain again. Not signed:
   * a frontier counts only if it folds into the signed root. Null before version 2.
   */
  frontier: z.array(sha256Hex).max(53).nullable(),
});

const holidayFields = { date: localDate, name: z.string().min(1), recurring: z.boolean() };
const holidayCreated = z.strictObject({ id: uuid, ...holidayFields });
const holidayUpdated = z.strictObject({
  id: uuid,
  changes: z.strictObject(holidayFields).partial(),
});
const holidayDeactivated = z.strictObject({ id: uuid });

// Incidents and cases (docs/decisions/024-incidents-and-cases.md). Until then no
// projection applied these types, so no event of them was ever stored and version 1
// was fixed here. What happened, and who was involved, is sensitive; the type,
// severity, numbers and states are not (admins see counts).
export const INCIDENT_TYPES = [
  'INJURY',
  'ILLNESS',
  'NEAR_MISS',
  'HAZARD',
  'PROPERTY_DAMAGE',
  'MENTAL_HEALTH',
  'OTHER',
] as const;
export const INCIDENT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export const INCIDENT_REJECTION_REASONS = [
  'DUPLICATE',
  'NOT_WORK_RELATED',
  'INSUFFICIENT_INFORMATION',
  'NOT_AN_INCIDENT',
  'OTHER',
] as const;
export const CASE_STATUSES = ['OPEN', 'INVESTIGATING', 'RESOLVED', 'CLOSED'] as const;
const incidentSeverity = z.enum(INCIDENT_SEVERITIES);
// References ride along in later events so that notifications, produced from one
// event alone (docs/decisions/015), can name the record without its content.
const incidentReference = z.string().regex(/^INC-\d{4}-\d+$/, 'must be INC-<year>-<number>');
const caseReference = z.string().regex(/^CASE-\d{4}-\d+$/, 'must be CASE-<year>-<number>');
const incidentTitle = sensitive(z.string().min(1).max(200));
const incidentDescription = sensitive(z.string().min(1).max(2000));
const incidentReported = z.strictObject({
  id: uuid,
  number: z.number().int().positive(),
  /** The year it was reported in the company's time zone: INC-<year>-<number>. */
  year: z.number().int().min(2000).max(9999),
  reporterId: uuid,
  /** The reporter's team when it happened. */
  teamId: uuid.nullable(),
  type: z.enum(INCIDENT_TYPES),
  severity: incidentSeverity,
  title: incidentTitle,
  location: sensitive(z.string().min(1).max(200).nullable()),
  description: incidentDescription,
  occurredAt: timestamp,
  reportedAt: timestamp,
  peopleInvolvedIds: sensitive(z.array(uuid).max(50)),
  /** The active WHS officers when it was reported (told of it), the reporter aside. */
  whsOfficerIds: z.array(uuid),
});
const incidentUpdated = z.strictObject({
  id: uuid,
  changes: z
    .strictObject({
      title: incidentTitle,
      description: incidentDescription,
      severity: incidentSeverity,
    })
    .partial(),
});
const incidentApproved = z.strictObject({
  id: uuid,
  reference: incidentReference,
  reporterId: uuid,
  caseId: uuid,
  reviewedById: uuid,
  reviewedAt: timestamp,
});
const incidentRejected = z.strictObject({
  id: uuid,
  reference: incidentReference,
  reporterId: uuid,
  reason: z.enum(INCIDENT_REJECTION_REASONS),
  explanation: sensitive(z.string().min(1).max(500)),
  reviewedById: uuid,
  reviewedAt: timestamp,
});
const caseStatus = z.enum(CASE_STATUSES);
const caseOpened = z.strictObject({
  id: uuid,
  number: z.number().int().positive(),
  /** The year the case opened in the company's time zone: CASE-<year>-<number>. */
  year: z.number().int().min(2000).max(9999),
  incidentId: uuid,
  assigneeId: uuid,
  openedById: uuid,
  openedAt: timestamp,
});
const caseStatusChanged = z.strictObject({
  id: uuid,
  from: caseStatus,
  to: caseStatus,
  changedById: uuid,
  changedAt: timestamp,
  /** The incident's reference and reporter (told when it is resolved). */
  incidentReference,
  reporterId: uuid,
  /** Why (required to reopen a resolved case). */
  reason: sensitive(z.string().min(1).max(500).nullable()),
  /** Set when the case is resolved. */
  resolutionSummary: sensitive(z.string().min(1).max(2000).nullable()),
});
const caseReassigned = z.strictObject({
  id: uuid,
  reference: caseReference,
  fromId: uuid,
  toId: uuid,
  reassignedById: uuid,
  reassignedAt: timestamp,
});
const caseNoteAdded = z.strictObject({
  id: uuid,
  noteId: uuid,
  authorId: uuid,
  text: sensitive(z.string().min(1).max(2000)),
  addedAt: timestamp,
});

const apiTokenScope = z.enum(['READ_ONLY', 'WHS', 'ADMIN']);
const apiTokenCreated = z.strictObject({
  id: uuid,
  name: z.string().min(1),
  scope: apiTokenScope,
  // Version 2: the token hash lives in the credentials table only (product.md rule 3).
  prefix: z.string().min(1),
  createdById: uuid,
  expiresAt: timestamp.nullable(),
});
const apiTokenRevoked = z.strictObject({ id: uuid, revokedById: uuid, revokedAt: timestamp });

export const eventPayloadSchemas = {
  COMPANY_CREATED: companyCreated,
  COMPANY_UPDATED: companyUpdated,
  PERSON_CREATED: personCreated,
  PERSON_UPDATED: personUpdated,
  PERSON_ROLE_CHANGED: personRoleChanged,
  PERSON_PASSWORD_CHANGED: personPasswordChanged,
  PERSON_SESSIONS_REVOKED: personSessionsRevoked,
  PERSON_DEACTIVATED: personDeactivated,
  PERSON_REACTIVATED: personReactivated,
  PERSON_ERASED: personErased,
  TEAM_CREATED: teamCreated,
  TEAM_UPDATED: teamUpdated,
  TEAM_DEACTIVATED: teamDeactivated,
  TEAM_REACTIVATED: teamReactivated,
  TEAM_MEMBER_ASSIGNED: teamMemberAssigned,
  TEAM_MEMBER_UNASSIGNED: teamMemberUnassigned,
  TEAM_TRANSFER_INITIATED: teamTransferInitiated,
  TEAM_TRANSFER_COMPLETED: teamTransferCompleted,
  TEAM_TRANSFER_CANCELLED: teamTransferCancelled,
  CHECK_IN_SUBMITTED: checkInSubmitted,
  CHECK_IN_UPDATED: checkInUpdated,
  MISSED_CHECK_IN_DETECTED: missedCheckInDetected,
  MISSED_CHECK_IN_RESOLVED: missedCheckInResolved,
  MISSED_CHECK_IN_EXCUSED: missedCheckInExcused,
  HOLIDAY_CREATED: holidayCreated,
  HOLIDAY_UPDATED: holidayUpdated,
  HOLIDAY_DEACTIVATED: holidayDeactivated,
  INCIDENT_REPORTED: incidentReported,
  INCIDENT_UPDATED: incidentUpdated,
  CASE_OPENED: caseOpened,
  CASE_STATUS_CHANGED: caseStatusChanged,
  CASE_NOTE_ADDED: caseNoteAdded,
  API_TOKEN_CREATED: apiTokenCreated,
  API_TOKEN_REVOKED: apiTokenRevoked,
  LEAVE_RECORDED: leaveRecorded,
  LEAVE_CANCELLED: leaveCancelled,
  PERSON_PASSWORD_RESET: personPasswordReset,
  READINESS_ALERT_RAISED: readinessAlertRaised,
  COUNTERMEASURE_RECORDED: countermeasureRecorded,
  READINESS_ALERT_ESCALATED: readinessAlertEscalated,
  AUDIT_CHECKPOINT_SIGNED: auditCheckpointSigned,
  INCIDENT_APPROVED: incidentApproved,
  INCIDENT_REJECTED: incidentRejected,
  CASE_REASSIGNED: caseReassigned,
} as const;
