import { describe, expect, it } from 'vitest';
import { postmasterArgs, serverSettings } from './server-settings.ts';

const GB = 1024 ** 3;

function settingsOf(totalMemory: number, ephemeral = false): Record<string, string> {
  return serverSettings({ totalMemory, ephemeral });
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

  it('goes to the postmaster as one `-c name=value` per setting', () => {
    expect(postmasterArgs({ shared_buffers: '512MB', fsync: 'off' })).toEqual([
      '-c',
      'shared_buffers=512MB',
      '-c',
      'fsync=off',
    ]);
  });
});
