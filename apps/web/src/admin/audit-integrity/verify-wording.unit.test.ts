import { describe, expect, it } from 'vitest';
import { isVerifyActive, type VerifyRun, verifyPercent, verifySummary } from './verify-wording.ts';

const run = (overrides: Partial<VerifyRun>): VerifyRun => ({
  id: '00000000-0000-4000-8000-000000000001',
  state: 'running',
  startedAt: '2026-11-27T08:00:00.000Z',
  finishedAt: null,
  checked: null,
  total: null,
  verifiedThrough: null,
  intactUpToCheckpoint: null,
  firstBrokenSeq: null,
  message: null,
  ...overrides,
});

describe('verification wording', () => {
  it('is active while queued or running, not once it ended', () => {
    expect(isVerifyActive(run({ state: 'queued' }))).toBe(true);
    expect(isVerifyActive(run({ state: 'running' }))).toBe(true);
    expect(isVerifyActive(run({ state: 'broken' }))).toBe(false);
    expect(isVerifyActive(null)).toBe(false);
  });

  it('gives no percentage before a worker started, and rounds down after', () => {
    expect(verifyPercent(run({ state: 'queued' }))).toBeNull();
    expect(verifyPercent(run({ checked: 2, total: 3 }))).toBe(66);
    expect(verifyPercent(run({ checked: 0, total: 0 }))).toBe(100);
  });

  it('names the checkpoint when intact and the first broken event when not', () => {
    expect(
      verifySummary(run({ state: 'intact', verifiedThrough: 1201, intactUpToCheckpoint: 1200 })),
    ).toBe('Intact up to checkpoint 1,200: all 1,201 events link up and every signature verifies.');
    expect(verifySummary(run({ state: 'intact', verifiedThrough: 5 }))).toContain(
      'no signed checkpoint',
    );
    expect(verifySummary(run({ state: 'broken', firstBrokenSeq: 42 }))).toBe(
      'Broken: the log does not verify from event 42 on.',
    );
    expect(verifySummary(run({ checked: 2000, total: 5000 }))).toBe(
      'Checked 2,000 of 5,000 events…',
    );
  });
});
