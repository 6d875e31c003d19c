export { type CreateDbOptions, createDb, type Db, type Tx } from './client.ts';
export { isUniqueViolation, uniqueViolationIndex } from './db-errors.ts';
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
  type ApiTokenRecord,
  findApiToken,
  findLoginByEmail,
  isCompanySlugTaken,
  isEmailTaken,
  type LoginRecord,
} from './privileged.ts';
export {
  dateColumn,
  localDateOf,
  projectApiTokenCreated,
  projectApiTokenRevoked,
  projectCheckInSubmitted,
  projectCheckInUpdated,
  projectCompanyCreated,
  projectCompanyUpdated,
  projectHolidayCreated,
  projectHolidayDeactivated,
  projectHolidayUpdated,
  projectMissedCheckInDetected,
  projectMissedCheckInResolved,
  projectPersonCreated,
  projectPersonDeactivated,
  projectPersonPasswordChanged,
  projectPersonReactivated,
  projectPersonRoleChanged,
  projectPersonSessionsRevoked,
  projectPersonUpdated,
  projectTeamCreated,
  projectTeamDeactivated,
  projectTeamMemberAssigned,
  projectTeamMemberUnassigned,
  projectTeamReactivated,
  projectTeamTransferCancelled,
  projectTeamTransferCompleted,
  projectTeamTransferInitiated,
  projectTeamUpdated,
} from './projections/index.ts';
export { type AnyStoredEvent, projectEvent } from './projections/project-event.ts';
export { type LoggedEvent, replayCompanyEvents } from './replay.ts';
export { bindCompany, withTenant } from './tenant.ts';
export {
  type AuditEntry,
  type CommandActor,
  type CommandScope,
  executeCommand,
  type NewEvent,
  type StoredEvent,
} from './write-path.ts';
