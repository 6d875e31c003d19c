import { describe, expect, it } from 'vitest';
import {
  CASE_STATES,
  type CaseState,
  companyYear,
  isCaseTransitionAllowed,
  recordReference,
  refuseCaseTransition,
} from './case-workflow.ts';

const ALLOWED: Array<[CaseState, CaseState]> = [
  ['OPEN', 'INVESTIGATING'],
  ['OPEN', 'CLOSED'],
  ['INVESTIGATING', 'RESOLVED'],
  ['INVESTIGATING', 'CLOSED'],
  ['RESOLVED', 'INVESTIGATING'],
  ['RESOLVED', 'CLOSED'],
];
const isAllowed = (from: CaseState, to: CaseState) =>
  ALLOWED.some(([f, t]) => f === from && t === to);
const REFUSED = CASE_STATES.flatMap((from) =>
  CASE_STATES.filter((to) => !isAllowed(from, to)).map((to) => [from, to] as const),
);
const complete = { reason: 'New evidence', resolutionSummary: 'Treads fitted' };

describe('case workflow', () => {
  it.each(ALLOWED)(
    'given a %s case, when moved to %s with what it needs, then it is allowed',
    (from, to) => {
      expect(isCaseTransitionAllowed(from, to)).toBe(true);
      expect(refuseCaseTransition(from, to, complete)).toBeNull();
    },
  );

  it.each(REFUSED)('given a %s case, when moved to %s, then it is refused', (from, to) => {
    expect(isCaseTransitionAllowed(from, to)).toBe(false);
    expect(refuseCaseTransition(from, to, complete)).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('refuses exactly the 10 other pairs (16 minus the 6 allowed)', () => {
    expect(REFUSED).toHaveLength(10);
  });

  it('given a resolved case, when reopened without a reason, then the reason is required', () => {
    expect(refuseCaseTransition('RESOLVED', 'INVESTIGATING', { reason: '  ' })).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'reason',
      message: expect.stringContaining('required'),
    });
  });

  it('given an investigation, when resolved without a summary, then the summary is required', () => {
    expect(refuseCaseTransition('INVESTIGATING', 'RESOLVED', { reason: null })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'resolutionSummary',
    });
  });

  it('given a closed case, then the refusal says it cannot change', () => {
    expect(refuseCaseTransition('CLOSED', 'OPEN', {})?.message).toMatch(
      /closed case cannot change/,
    );
  });
});

describe('record references', () => {
  it('formats INC-<year>-<number> and CASE-<year>-<number>', () => {
    expect(recordReference('INC', 2026, 3)).toBe('INC-2026-3');
    expect(recordReference('CASE', 2027, 12)).toBe('CASE-2027-12');
  });

  it('given New Year in Sydney while UTC is still in December, then the year is the company’s', () => {
    const instant = new Date('2026-12-31T14:30:00.000Z');
    expect(companyYear(instant, 'Australia/Sydney')).toBe(2027);
    expect(companyYear(instant, 'Europe/London')).toBe(2026);
  });
});
