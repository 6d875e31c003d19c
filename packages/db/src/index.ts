export { type CreateDbOptions, createDb, type Db, type ReadTx } from './client.ts';
export type { CredentialWrite } from './credentials.ts';
export { isUniqueViolation, uniqueViolationIndex } from './db-errors.ts';
export type { AnyNewEvent, CommandActor, NewEvent } from './event-log.ts';
export type {
  ApiToken,
  CheckIn,
  Company,
  Holiday,
  MissedCheckIn,
  Person,
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
  finishJobRun,
  type JobRunEnd,
  type JobRunOutcome,
  type JobRunStart,
  startJobRun,
} from './job-runs.ts';
export {
  type ApiTokenRecord,
  type CompanyToSchedule,
  findApiToken,
  findLoginByEmail,
  findSessionPerson,
  isCompanySlugTaken,
  isEmailTaken,
  type LoginRecord,
  listCompaniesToSchedule,
  type SessionPerson,
} from './privileged.ts';
export {
  dateColumn,
  ENTITY_PROJECTIONS,
  evolve,
  foldRow,
  localDateOf,
  type RowOf,
  type TableProjection,
} from './projections/index.ts';
export { type LoggedEvent, replayCompanyEvents, upcastLoggedEvent } from './replay.ts';
export type { AnyStoredEvent, StoredEvent } from './stored-event.ts';
export { bindCompany, withTenant } from './tenant.ts';
export {
  type AuditNote,
  type Decide,
  type DecidedEvent,
  type Decision,
  event,
  executeCommand,
} from './write-path.ts';
