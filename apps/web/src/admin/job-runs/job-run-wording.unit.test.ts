import { describe, expect, it } from 'vitest';
import { describeCounts, jobLabel, runDuration } from './job-run-wording.ts';

describe('jobLabel', () => {
  it('reads a job name as a phrase', () => {
    expect(jobLabel('detect-missed-check-ins')).toBe('Detect missed check ins');
    expect(jobLabel('completeDueTransfers')).toBe('Complete due transfers');
    expect(jobLabel('')).toBe('');
  });
});

describe('describeCounts', () => {
  it('names each count in words', () => {
    expect(describeCounts({ detected: 3, daysChecked: 14 })).toEqual([
      'detected 3',
      'days checked 14',
    ]);
    expect(describeCounts({})).toEqual([]);
  });
});

describe('runDuration', () => {
  const startedAt = '2026-03-02T08:00:00.000Z';
  it('says how long a finished run took, and nothing while it runs', () => {
    expect(runDuration({ startedAt, finishedAt: null })).toBeNull();
    expect(runDuration({ startedAt, finishedAt: '2026-03-02T08:00:00.850Z' })).toBe('850 ms');
    expect(runDuration({ startedAt, finishedAt: '2026-03-02T08:00:04.200Z' })).toBe('4.2 s');
    expect(runDuration({ startedAt, finishedAt: '2026-03-02T08:03:05.000Z' })).toBe('3 min 5 s');
  });
});
