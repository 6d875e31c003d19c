// Seeding through the write path, shared by `pnpm db:seed`, the demo company and the benchmark.
export { appendInBatches, type DatedEvent, SEED_BATCH } from './append-batches.ts';
export type { BulkValidation } from './bulk-append.ts';
export { BULK_BATCH, type BulkHistoryOptions, bulkSeedHistory } from './bulk-history.ts';
export {
  profileFor,
  type SampledCheckIn,
  sampleCheckIn,
  type WorkerProfile,
} from './check-in-sample.ts';
export {
  type SeedCompanyOptions,
  type SeededCompany,
  type SeededTeam,
  type SeedSchedule,
  seedCompany,
  teamSizes,
} from './company.ts';
export {
  type HistoryCounts,
  type HistoryDay,
  historyDays,
  localClock,
  newTrack,
  type SeedHistoryOptions,
  seedHistory,
  type WorkerTrack,
  workerDay,
} from './history.ts';
export { createRng, type Rng, seedOf } from './rng.ts';
