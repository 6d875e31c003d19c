// Server-side database tooling (processes, migrations, code generation): kept out of the
// main entry so that importing the client does not pull in PostgreSQL process management.
export { analyzeDatabase } from './analyze.ts';
export {
  APP_ROLE,
  appUrlFor,
  createDatabaseIfMissing,
  type DatabaseHandle,
  EMBEDDED_DATABASE,
  type EnsureDatabaseOptions,
  enableAppRoleLogin,
  ensureAppRoleExists,
  ensureDatabase,
  type PrepareDatabaseOptions,
  prepareDatabase,
} from './database.ts';
export {
  type EmbeddedPostgres,
  isEmbeddedPostgresRunning,
  type StartEmbeddedPostgresOptions,
  startEmbeddedPostgres,
} from './embedded-postgres.ts';
export {
  type InstallJobQueueOptions,
  installJobQueue,
  JOB_QUEUE_SCHEMA,
  JOB_QUEUES,
  type JobQueueName,
} from './job-queue.ts';
export { applyMigrations, type MigrateOptions, readMigrations } from './migrate.ts';
export {
  type CreateMigrationOptions,
  type CreateMigrationResult,
  createMigration,
  MigrationNameError,
  SCHEMA_SNAPSHOT_FILE,
  validateMigrationName,
} from './new-migration.ts';
export { generatedClientDir, migrationsDir, schemaPath } from './paths.ts';
export {
  type EnsureGeneratedResult,
  ensurePrismaClientGenerated,
  generatePrismaClient,
} from './prisma-generate.ts';
export { sendJob } from './send-job.ts';
