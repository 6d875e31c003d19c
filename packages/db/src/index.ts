export { type CreateDbOptions, createDb, type Db, type Tx } from './client.ts';
export { isUniqueViolation } from './db-errors.ts';
export type {
  CheckIn,
  Company,
  Holiday,
  MissedCheckIn,
  Person,
  Team,
} from './generated/prisma/client.ts';
export { Prisma } from './generated/prisma/client.ts';
export type {
  AuditAction as DbAuditAction,
  EventType as DbEventType,
  ReadinessLevel,
  Role,
} from './generated/prisma/enums.ts';
export {
  findLoginByEmail,
  isCompanySlugTaken,
  isEmailTaken,
  type LoginRecord,
} from './privileged.ts';
export {
  dateColumn,
  localDateOf,
  projectCheckInSubmitted,
  projectCheckInUpdated,
  projectCompanyCreated,
  projectHolidayCreated,
  projectMissedCheckInResolved,
  projectPersonCreated,
  projectTeamCreated,
} from './projections/index.ts';
export { bindCompany, withTenant } from './tenant.ts';
export {
  type AuditEntry,
  type CommandActor,
  type CommandScope,
  executeCommand,
  type NewEvent,
  type StoredEvent,
} from './write-path.ts';
