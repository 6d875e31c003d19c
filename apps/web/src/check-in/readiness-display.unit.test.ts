import { computeReadiness } from '@aegira/domain';
import { describe, expect, it } from 'vitest';
import { factorBreakdown, levelRanges } from './readiness-display.ts';

describe('factorBreakdown', () => {
  it('lists the four factors with the weights of formula version 1', () => {
    const scores = computeReadiness({
      hoursSlept: 7.5,
      sleepQuality: 8,
      stressLevel: 3,
      physicalCondition: 8,
      painLevel: 0,
    });
    const factors = factorBreakdown(scores);
    expect(factors.map((factor) => [factor.label, factor.weight, factor.score])).toEqual([
      ['Sleep', 35, 88.9],
      ['Stress', 25, 77.8],
      ['Physical condition', 20, 77.8],
      ['Pain', 20, 100],
    ]);
    expect(factors.reduce((sum, factor) => sum + factor.weight, 0)).toBe(100);
    expect(factors[0]?.detail).toContain('Hours score 100');
  });
});

describe('levelRanges', () => {
  it('says where each level starts', () => {
    expect(levelRanges).toEqual({ GREEN: '70–100', YELLOW: '50–69', RED: 'below 50' });
  });
});
