import type { z } from 'zod';
import { EVENT_TYPES, type EventType } from './event-types.ts';
import type { EventPayload } from './events.ts';
import { EVENT_SCHEMA_VERSION } from './payload-versions.ts';
import type {
  apiTokenCreatedV1,
  auditCheckpointSignedV1,
  missedCheckInDetectedV1,
  personCreatedV1,
  personPasswordChangedV1,
} from './payloads-v1.ts';
import type { personCreatedV2 } from './payloads-v2.ts';

// One valid payload for every (type, version) that ever existed. Unit tests
// check each against its schema and upcaster; an integration test stores one
// event of each and replays it. Sensitive fields carry real-looking values so
// redaction has something to hide.

/** The ids the samples refer to each other by. */
export const SAMPLE_IDS = {
  company: '8cc1ad86-a957-4532-8e9d-5d7666500c00',
  admin: '821f637e-9343-4344-a1f2-80441a258950',
  worker: '609c079c-5273-49bd-b4a6-026045524ec1',
  supervisor: '6f41a419-8572-4dc1-83b8-8a112820e4e5',
  team: '524681c8-1584-4945-b416-66862b902186',
  otherTeam: '957536a3-9dae-4041-9a3c-83fedab30bc8',
  transfer: 'd972af2d-b195-432f-ac6e-20d871876380',
  checkIn: '7f73197b-9c45-4560-8f30-54da45349596',
  missedCheckIn: '1a6f25d2-58bd-4f70-be72-b5f6687a3b54',
  holiday: '0cadac94-0cf4-40fe-a6d9-fdf3be0da3c6',
  incident: 'd567a13f-dece-4dd5-a3e2-24cb15e0613e',
  case: '6985b38d-424b-40c7-bd0d-692eb689664a',
  caseNote: '62f294fe-cf4e-4472-a183-a7a7d013c631',
  apiTokenV1: 'a1aa0692-a63f-4e5e-b706-ed8749bbd1ff',
  apiToken: '17c41027-19d6-4b8c-a162-e7747573395c',
  leave: '3b0d2f61-6a43-4c55-9a0e-5f3d51c1f6a2',
  lead: '4f9e0c1a-2b7d-4c3e-9a51-0d6b8e2f7a14',
  alert: 'c2d8e4f6-1a3b-4c5d-8e9f-0a1b2c3d4e5f',
  countermeasure: 'e7f1a2b3-c4d5-4e6f-9a0b-1c2d3e4f5a6b',
  checkpoint: '5d1c9e2a-7b3f-4a8d-9c6e-2f0a1b3c4d5e',
} as const;

const ids = SAMPLE_IDS;
const at = '2026-11-25T07:00:00.000Z';

const checkInInputs = {
  hoursSlept: 6.5,
  sleepQuality: 6,
  stressLevel: 4,
  physicalCondition: 7,
  painLevel: 3,
  painLocation: 'lower back',
  notes: 'Slept badly after a late shift',
};
const checkInScores = {
  formulaVersion: 1,
  hoursScore: 86.7,
  sleepScore: 55.6,
  stressScore: 66.7,
  physicalScore: 66.7,
  painScore: 70,
  readinessScore: 69,
  level: 'YELLOW' as const,
};

// Typed by the current schemas, so a schema change shows up here at compile time.
const CURRENT: { readonly [K in EventType]: EventPayload<K> } = {
  COMPANY_CREATED: { id: ids.company, name: 'Acme', slug: 'acme', timezone: 'Europe/Berlin' },
  COMPANY_UPDATED: { id: ids.company, changes: { name: 'Acme Mining' } },
  PERSON_CREATED: {
    id: ids.admin,
    email: 'ada@acme.test',
    firstName: 'Ada',
    lastName: 'Admin',
    phone: null,
    windowStart: null,
    windowEnd: null,
    workDays: [1, 2, 3, 4, 5],
    role: 'ADMIN',
    teamId: null,
    teamAssignedOn: null,
    mustChangePassword: true,
  },
  PERSON_UPDATED: { id: ids.worker, changes: { phone: '+49 30 1234567' } },
  PERSON_ROLE_CHANGED: {
    id: ids.worker,
    from: 'WORKER',
    to: 'TEAM_LEAD',
    teamId: null,
    teamAssignedOn: null,
    tokenVersion: 1,
  },
  PERSON_PASSWORD_CHANGED: { id: ids.worker, tokenVersion: 3 },
  PERSON_SESSIONS_REVOKED: { id: ids.worker, reason: 'logout', tokenVersion: 4 },
  PERSON_DEACTIVATED: {
    id: ids.worker,
    reason: 'Left the company',
    deactivatedAt: at,
    deactivatedById: ids.admin,
    tokenVersion: 5,
  },
  PERSON_REACTIVATED: { id: ids.worker },
  PERSON_ERASED: {
    id: ids.worker,
    reason: 'Former employee asked for erasure',
    erasedById: ids.admin,
    erasedAt: '2026-11-02T09:00:00.000Z',
  },
  TEAM_CREATED: {
    id: ids.team,
    name: 'Night shift',
    description: null,
    leaderId: ids.admin,
    supervisorId: ids.supervisor,
    windowStart: '06:00',
    windowEnd: '09:00',
    workDays: [1, 2, 3, 4, 5],
  },
  TEAM_UPDATED: { id: ids.team, changes: { description: 'Tunnel crew' } },
  TEAM_DEACTIVATED: {
    id: ids.team,
    reason: 'Merged into day shift',
    deactivatedAt: at,
    deactivatedById: ids.admin,
    unassignedPersonIds: [ids.worker],
  },
  TEAM_REACTIVATED: { id: ids.team },
  TEAM_MEMBER_ASSIGNED: { personId: ids.worker, teamId: ids.team, effectiveOn: '2026-11-25' },
  TEAM_MEMBER_UNASSIGNED: { personId: ids.worker, teamId: ids.team, reason: 'removed' },
  TEAM_TRANSFER_INITIATED: {
    transferId: ids.transfer,
    personId: ids.worker,
    fromTeamId: ids.team,
    toTeamId: ids.otherTeam,
    effectiveOn: '2026-11-26',
  },
  TEAM_TRANSFER_COMPLETED: {
    transferId: ids.transfer,
    personId: ids.worker,
    fromTeamId: ids.team,
    toTeamId: ids.otherTeam,
    effectiveOn: '2026-11-26',
    completedAt: '2026-11-26T00:00:00.000Z',
  },
  TEAM_TRANSFER_CANCELLED: {
    transferId: ids.transfer,
    personId: ids.worker,
    fromTeamId: ids.team,
    toTeamId: ids.otherTeam,
    reason: 'cancelled_by_admin',
    cancelledAt: at,
  },
  CHECK_IN_SUBMITTED: {
    id: ids.checkIn,
    personId: ids.worker,
    teamId: ids.team,
    localDate: '2026-11-25',
    inputs: checkInInputs,
    scores: checkInScores,
    isLate: false,
    minutesLate: 0,
    submittedAt: at,
  },
  CHECK_IN_UPDATED: {
    id: ids.checkIn,
    version: 2,
    inputs: { ...checkInInputs, painLevel: 1, notes: null },
    scores: checkInScores,
    amendedAt: '2026-11-25T07:30:00.000Z',
  },
  MISSED_CHECK_IN_DETECTED: {
    id: ids.missedCheckIn,
    personId: ids.worker,
    teamId: ids.team,
    localDate: '2026-11-24',
    detectedAt: '2026-11-24T09:06:00.000Z',
    snapshot: {
      windowStart: '06:00',
      windowEnd: '09:00',
      leadId: ids.supervisor,
      streakBefore: 4,
      missesLast30Days: 1,
    },
  },
  MISSED_CHECK_IN_RESOLVED: {
    id: ids.missedCheckIn,
    checkInId: ids.checkIn,
    resolvedAt: at,
  },
  MISSED_CHECK_IN_EXCUSED: {
    id: ids.missedCheckIn,
    excusedById: ids.supervisor,
    reason: 'Doctor appointment, told the lead the day before',
    excusedAt: at,
  },
  HOLIDAY_CREATED: { id: ids.holiday, date: '2026-12-25', name: 'Christmas', recurring: true },
  HOLIDAY_UPDATED: { id: ids.holiday, changes: { name: 'Christmas Day' } },
  HOLIDAY_DEACTIVATED: { id: ids.holiday },
  INCIDENT_REPORTED: {
    id: ids.incident,
    number: 1,
    year: 2026,
    reporterId: ids.worker,
    teamId: ids.team,
    type: 'INJURY',
    severity: 'MEDIUM',
    title: 'Twisted ankle on the stairs',
    location: 'Shaft 2, north stairs',
    description: 'Slipped on a wet step in shaft 2',
    occurredAt: at,
    reportedAt: at,
    peopleInvolvedIds: [ids.lead],
    whsOfficerIds: [ids.supervisor],
  },
  INCIDENT_UPDATED: {
    id: ids.incident,
    changes: { description: 'Slipped on a wet, unlit step in shaft 2', severity: 'HIGH' },
  },
  INCIDENT_APPROVED: {
    id: ids.incident,
    reference: 'INC-2026-1',
    reporterId: ids.worker,
    caseId: ids.case,
    reviewedById: ids.supervisor,
    reviewedAt: at,
  },
  INCIDENT_REJECTED: {
    id: ids.incident,
    reference: 'INC-2026-1',
    reporterId: ids.worker,
    reason: 'DUPLICATE',
    explanation: 'Same fall as the one the lead reported',
    reviewedById: ids.supervisor,
    reviewedAt: at,
  },
  CASE_OPENED: {
    id: ids.case,
    number: 1,
    year: 2026,
    incidentId: ids.incident,
    assigneeId: ids.supervisor,
    openedById: ids.supervisor,
    openedAt: at,
  },
  CASE_STATUS_CHANGED: {
    id: ids.case,
    from: 'INVESTIGATING',
    to: 'RESOLVED',
    changedById: ids.supervisor,
    changedAt: at,
    incidentReference: 'INC-2026-1',
    reporterId: ids.worker,
    reason: 'Interviews done',
    resolutionSummary: 'Anti-slip treads fitted to the north stairs',
  },
  CASE_REASSIGNED: {
    id: ids.case,
    reference: 'CASE-2026-1',
    fromId: ids.supervisor,
    toId: ids.lead,
    reassignedById: ids.supervisor,
    reassignedAt: at,
  },
  CASE_NOTE_ADDED: {
    id: ids.case,
    noteId: ids.caseNote,
    authorId: ids.supervisor,
    text: 'Physio appointment booked',
    addedAt: at,
  },
  API_TOKEN_CREATED: {
    id: ids.apiToken,
    name: 'Payroll export',
    scope: 'READ_ONLY',
    prefix: 'aeg_2b7f',
    createdById: ids.admin,
    expiresAt: null,
  },
  API_TOKEN_REVOKED: { id: ids.apiToken, revokedById: ids.admin, revokedAt: at },
  LEAVE_RECORDED: {
    id: ids.leave,
    personId: ids.worker,
    type: 'SICK',
    startDate: '2026-11-26',
    endDate: '2026-11-27',
    note: 'Flu, certificate to follow',
    recordedById: ids.supervisor,
  },
  LEAVE_CANCELLED: { id: ids.leave, cancelledById: ids.admin, cancelledAt: at },
  PERSON_PASSWORD_RESET: { id: ids.worker, resetById: ids.admin, tokenVersion: 6 },
  READINESS_ALERT_RAISED: {
    id: ids.alert,
    checkInId: ids.checkIn,
    personId: ids.worker,
    teamId: ids.team,
    localDate: '2026-11-27',
    readinessScore: 41,
    readinessLevel: 'RED',
    painLevel: 8,
    leadId: ids.lead,
    raisedAt: at,
  },
  COUNTERMEASURE_RECORDED: {
    id: ids.countermeasure,
    alertId: ids.alert,
    personId: ids.worker,
    type: 'SENT_HOME',
    note: 'Back pain after the night shift; sent home to rest',
    recordedById: ids.lead,
    recordedAt: at,
  },
  READINESS_ALERT_ESCALATED: {
    id: ids.alert,
    escalatedAt: at,
    escalatedTo: 'SUPERVISOR',
    escalatedToIds: [ids.supervisor],
  },
  AUDIT_CHECKPOINT_SIGNED: {
    id: ids.checkpoint,
    sequence: 42,
    headHash: 'a'.repeat(64),
    merkleRoot: 'b'.repeat(64),
    signedAt: at,
    keyId: 'c'.repeat(16),
    publicKey: 'MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE',
    signature: 'd'.repeat(86),
    // 42 = 32 + 8 + 2: three perfect subtrees.
    frontier: ['e'.repeat(64), 'f'.repeat(64), '0'.repeat(64)],
  },
};

const personCreatedV1Sample: z.input<typeof personCreatedV1> = {
  id: ids.worker,
  email: 'wim@acme.test',
  firstName: 'Wim',
  lastName: 'Worker',
  phone: null,
  windowStart: null,
  windowEnd: null,
  workDays: [1, 2, 3, 4, 5],
  role: 'WORKER',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo',
  teamId: null,
  teamAssignedOn: null,
};
const personCreatedV2Sample: z.input<typeof personCreatedV2> = {
  id: ids.worker,
  email: 'wim@acme.test',
  firstName: 'Wim',
  lastName: 'Worker',
  phone: null,
  windowStart: null,
  windowEnd: null,
  workDays: [1, 2, 3, 4, 5],
  role: 'WORKER',
  teamId: null,
  teamAssignedOn: null,
};
const personPasswordChangedV1Sample: z.input<typeof personPasswordChangedV1> = {
  id: ids.worker,
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdA$bmV3aGFzaA',
  tokenVersion: 2,
};
const missedCheckInDetectedV1Sample: z.input<typeof missedCheckInDetectedV1> = {
  id: ids.missedCheckIn,
  personId: ids.worker,
  teamId: ids.team,
  localDate: '2026-11-24',
  detectedAt: '2026-11-24T09:00:00.000Z',
};
// Version 1 was version 2 without the frontier.
const { frontier: _frontier, ...checkpointWithoutFrontier } = CURRENT.AUDIT_CHECKPOINT_SIGNED;
const auditCheckpointSignedV1Sample: z.input<typeof auditCheckpointSignedV1> =
  checkpointWithoutFrontier;
const apiTokenCreatedV1Sample: z.input<typeof apiTokenCreatedV1> = {
  id: ids.apiTokenV1,
  name: 'Old export',
  scope: 'WHS',
  tokenHash: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  prefix: 'aeg_9f86',
  createdById: ids.admin,
  expiresAt: '2027-01-01T00:00:00.000Z',
};

// Superseded versions, keyed by version number (see PAST_PAYLOAD_VERSIONS).
const PAST: { readonly [K in EventType]?: { readonly [version: number]: unknown } } = {
  PERSON_CREATED: { 1: personCreatedV1Sample, 2: personCreatedV2Sample },
  PERSON_PASSWORD_CHANGED: { 1: personPasswordChangedV1Sample },
  API_TOKEN_CREATED: { 1: apiTokenCreatedV1Sample },
  MISSED_CHECK_IN_DETECTED: { 1: missedCheckInDetectedV1Sample },
  AUDIT_CHECKPOINT_SIGNED: { 1: auditCheckpointSignedV1Sample },
};

/** A sample payload per event type and version: `SAMPLE_EVENT_PAYLOADS[type][version]`. */
export const SAMPLE_EVENT_PAYLOADS = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, { ...PAST[type], [EVENT_SCHEMA_VERSION[type]]: CURRENT[type] }]),
) as { readonly [K in EventType]: { readonly [version: number]: unknown } };
