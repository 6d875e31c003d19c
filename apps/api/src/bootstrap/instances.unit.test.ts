import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { instancesRequested } from './instances.ts';

describe('instancesRequested', () => {
  it('is null without --instances or --workers: one process', () => {
    expect(instancesRequested([])).toBeNull();
    expect(instancesRequested(['--port', '3'])).toBeNull();
  });

  it('reads --instances as processes on ports of their own, --workers as processes sharing one', () => {
    expect(instancesRequested(['--instances', '3'])).toEqual({ count: 3, sharedPort: false });
    expect(instancesRequested(['--instances=2'])).toEqual({ count: 2, sharedPort: false });
    expect(instancesRequested(['--workers', '2'])).toEqual({ count: 2, sharedPort: true });
    expect(instancesRequested(['--workers=4'])).toEqual({ count: 4, sharedPort: true });
  });

  it('takes --workers auto as one worker per core, at most 16', () => {
    expect(instancesRequested(['--workers', 'auto'])).toEqual({
      count: Math.min(availableParallelism(), 16),
      sharedPort: true,
    });
  });

  it('names the flag, the range and what it got when the number is wrong', () => {
    expect(() => instancesRequested(['--instances', '0'])).toThrow(
      '--instances takes a whole number from 1 to 16 (got 0)',
    );
    expect(() => instancesRequested(['--instances', 'auto'])).toThrow(
      '--instances takes a whole number from 1 to 16 (got auto)',
    );
    expect(() => instancesRequested(['--workers', '2.5'])).toThrow(
      '--workers takes a whole number from 1 to 16, or auto (one per core) (got 2.5)',
    );
    expect(() => instancesRequested(['--workers'])).toThrow('(got nothing)');
  });

  it('refuses both flags at once', () => {
    expect(() => instancesRequested(['--instances', '2', '--workers', '2'])).toThrow(
      '--instances and --workers exclude each other: choose one',
    );
  });
});
