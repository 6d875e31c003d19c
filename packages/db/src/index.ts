export {
  type FoldedEntity,
  type FoldOptions,
  foldEntities,
  foldEntity,
  type LogCut,
  modelOf,
} from './as-of/index.ts';
export * as auditChain from './audit-chain/index.ts';
export {
  BATCH_DB_OPTIONS,
  type CreateDbOptions,
  createDb,
  type DatabaseTimeouts,
  type Db,
  DEFAULT_DATABASE_TIMEOUTS,
  type ReadTx,
} from './client.ts';
export { onEventsCommitted } from './committed-events.ts';
export { CompanyWritesBusyError, companyWriteSlotsOf } from './company-write-slots.ts';
export {
  type ActorCredential,
  CredentialRevokedError,
} from './credential-check.ts';
export type { CredentialWrite } from './credentials.ts';
export {
  isForeignKeyViolation,
  isUniqueViolation,
  type TransientDatabaseFailure,
  transientDatabaseFailure,
  uniqueViolationIndex,
} from './db-errors.ts';
export { type DirectRead, readUnbound } from './direct-reads.ts';
export type { AnyNewEvent, CommandActor, NewEvent } from './event-log.ts';
export type {
  ApiToken,
  Case,
  CaseNote,
  CheckIn,
  Company,
  Countermeasure,
  Holiday,
  Incident,
  MissedCheckIn,
  Person,
  ReadinessAlert,
  Team,
  TeamTransfer,
} from './generated/prisma/client.ts';
export { Prisma } from './generated/prisma/client.ts';
export type {
  ReadinessLevel,
  Role,
  TransferStatus,
} from './generated/prisma/enums.ts';
export {
  findIdempotencyKey,
  IDEMPOTENCY_KEY_TTL_HOURS,
  type IdempotencyClaim,
  IdempotencyKeyTakenError,
  type IdempotencyRecord,
  pruneIdempotencyKeys,
  recordIdempotentResponse,
  releaseIdempotencyKey,
} from './idempotency.ts';
export {
  finishJobRun,
  type JobRunEnd,
  type JobRunOutcome,
  type JobRunStart,
  recordJobRunProgress,
  startJobRun,
} from './job-runs.ts';
export {
  type LiveListener,
  type LiveListenerOptions,
  parseLiveMessage,
  startLiveListener,
} from './live/live-listener.ts';
export {
  LIVE_CHANNEL,
  type LiveMessage,
  type NotificationMessage,
  type RosterMessage,
} from './live/live-message.ts';
export { findLiveSessions, type SessionClaimsToCheck } from './live/live-sessions.ts';
export {
  countLoginFailures,
  type LoginFailureCount,
  readPasswordHash,
  recordLoginFailure,
  upgradePasswordHash,
} from './login-failures.ts';
export {
  archiveNotification,
  eventGroupKey,
  markAllNotificationsRead,
  markNotificationRead,
  NOTIFICATION_KINDS,
  NOTIFICATION_RETENTION_DAYS,
  type NotificationData,
  type NotificationKind,
  type NotificationValue,
  pruneReadNotifications,
  type RecipientOf,
  type ReminderDue,
  recordReminders,
  reminderGroupKey,
  teamMissesGroupKey,
} from './notifications/index.ts';
export {
  EVENT_PAYLOAD_MAX_BYTES,
  EventPayloadTooLargeError,
  storedPayloadBytes,
} from './payload-size.ts';
export {
  type ApiTokenRecord,
  type CompanyToSchedule,
  findApiToken,
  findLogin,
  findSessionPerson,
  isCompanySlugTaken,
  isEmailTakenInCompany,
  type LoginRecord,
  listCompaniesToSchedule,
  type SessionPerson,
} from './privileged.ts';
export {
  checkInProjection,
  dateColumn,
  ENTITY_PROJECTIONS,
  evolve,
  foldRow,
  holidayProjection,
  leaveProjection,
  localDateOf,
  missedCheckInProjection,
  personProjection,
  type RowOf,
  type TableProjection,
  teamProjection,
  teamTransferProjection,
} from './projections/index.ts';
export { createRateLimitStore, RATE_LIMIT_TABLE, type RateLimitStore } from './rate-limits.ts';
export {
  COPIED_LOGS,
  type RebuildOptions,
  type RebuildResult,
  rebuildCompany,
} from './rebuild/rebuild-company.ts';
export {
  type LoggedEvent,
  readStoredPayload,
  replayCompanyEvents,
  upcastLoggedEvent,
} from './replay.ts';
export {
  companyKeyRing,
  copyKeys,
  destroyPersonKey,
  KeyRing,
  keyRingFor,
  PersonErasedError,
  readStoredPayloads,
  type StoredPayloadRow,
} from './sealing/index.ts';
export type { AnyStoredEvent, StoredEvent } from './stored-event.ts';
export { bindCompany, readInTenant, withTenant, withTenantDirect } from './tenant.ts';
export { sqlOf } from './transaction-connections.ts';
export {
  type AuditNote,
  type CommandOptions,
  type Decide,
  type DecidedEvent,
  type Decision,
  event,
  executeCommand,
  executeSqlCommand,
  type SqlDecide,
  sealedFor,
} from './write-path.ts';
