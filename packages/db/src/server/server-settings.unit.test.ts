import { describe, expect, it } from 'vitest';
import { serverSettings } from './server-settings.ts';

const GB = 1024 ** 3;

/** The settings as a name → value map. */
function settingsOf(totalMemory: number, ephemeral = false): Record<string, string> {
  const args = serverSettings({ totalMemory, ephemeral });
  const pairs: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    expect(args[i]).toBe('-c');
    const [name, value] = (args[i + 1] ?? '').split('=');
    pairs[name ?? ''] = value ?? '';
  }
  return pairs;
}

describe('the embedded server is sized to the machine', () => {
  it('gives shared buffers a quarter of memory, at least 128 MB and at most 2 GB', () => {
    expect(settingsOf(0.25 * GB).shared_buffers).toBe('128MB');
    expect(settingsOf(2 * GB).shared_buffers).toBe('512MB');
    expect(settingsOf(8 * GB).shared_buffers).toBe('2048MB');
    expect(settingsOf(24 * GB).shared_buffers).toBe('2048MB');
  });

  it('tells the planner half the machine is cache, never less than the shared buffers', () => {
    expect(settingsOf(24 * GB).effective_cache_size).toBe('12288MB');
    expect(settingsOf(0.25 * GB).effective_cache_size).toBe('128MB');
  });

  it('checkpoints by time in a bulk load and sorts index builds in memory', () => {
    expect(settingsOf(4 * GB)).toMatchObject({
      max_wal_size: '4GB',
      checkpoint_timeout: '15min',
      maintenance_work_mem: '256MB',
    });
  });

  it('skips syncing only for throw-away clusters', () => {
    expect(settingsOf(4 * GB, true)).toMatchObject({
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
    });
    const kept = settingsOf(4 * GB, false);
    expect(kept.fsync).toBeUndefined();
    expect(kept.synchronous_commit).toBeUndefined();
    expect(kept.full_page_writes).toBeUndefined();
  });
});
