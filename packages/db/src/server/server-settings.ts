// What the embedded PostgreSQL is started with besides its address (decision 050).
// initdb's defaults are sized for any machine at all: 128 MB of shared buffers, a checkpoint at
// every 1 GB of WAL and 64 MB to sort an index build. A company with a year of history is a few
// gigabytes with indexes over random keys; bulk work on it (the seed, sealing, a rebuild) would
// evict and re-read those indexes' pages, and write whole pages to the WAL again after each
// early checkpoint.

const MB = 1024 * 1024;

/** A quarter of the machine's memory for shared buffers, within these bounds. */
const SHARED_BUFFERS_MIN_MB = 128;
const SHARED_BUFFERS_MAX_MB = 2048;

export interface ServerSettingsInput {
  /** The machine's memory in bytes (os.totalmem()). */
  totalMemory: number;
  /** Throw-away clusters of the tests: nothing to keep, so nothing is synced. */
  ephemeral: boolean;
}

/** The settings by name, as `SHOW` names them. */
export function serverSettings({
  totalMemory,
  ephemeral,
}: ServerSettingsInput): Record<string, string> {
  const quarterMb = Math.floor(totalMemory / MB / 4);
  const sharedBuffersMb = Math.min(
    SHARED_BUFFERS_MAX_MB,
    Math.max(SHARED_BUFFERS_MIN_MB, quarterMb),
  );
  const settings: Record<string, string> = {
    shared_buffers: `${sharedBuffersMb}MB`,
    // What the planner may assume the OS caches besides: half the machine.
    effective_cache_size: `${Math.max(sharedBuffersMb, Math.floor(totalMemory / MB / 2))}MB`,
    // Checkpoints by time rather than by WAL volume during a bulk load: each checkpoint makes
    // the next change to every page write the whole page to the WAL again.
    max_wal_size: '4GB',
    checkpoint_timeout: '15min',
    // Index builds after a rebuild's load sort in memory (per build, not per connection).
    maintenance_work_mem: '256MB',
  };
  if (ephemeral) {
    Object.assign(settings, { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' });
  }
  return settings;
}

/** Settings as the postmaster's command line takes them: `-c name=value` each. */
export function postmasterArgs(settings: Record<string, string>): string[] {
  return Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}
