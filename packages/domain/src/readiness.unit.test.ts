import { describe, expect, it } from 'vitest';
import {
  computeReadiness,
  hoursSleptScore,
  READINESS_FORMULA_VERSION,
  type ReadinessInputs,
  readinessLevel,
} from './readiness.ts';

const inputs = (
  hoursSlept: number,
  sleepQuality: number,
  stressLevel: number,
  physicalCondition: number,
  painLevel: number,
): ReadinessInputs => ({ hoursSlept, sleepQuality, stressLevel, physicalCondition, painLevel });

describe('hours slept score (formula v1 bands)', () => {
  it.each([
    [0, 20],
    [3.5, 20],
    [4, 40],
    [4.5, 40],
    [5, 60],
    [5.5, 60],
    [6, 80],
    [6.5, 80],
    [7, 100],
    [8, 100],
    [9, 100],
    [9.5, 80],
    [10, 80],
    [10.5, 60],
    [15, 60],
  ])('given %s hours slept, then the hours score is %s', (hours, expected) => {
    expect(hoursSleptScore(hours)).toBe(expected);
    // The band also reaches the stored result unchanged.
    expect(computeReadiness(inputs(hours, 5, 5, 5, 0)).hoursScore).toBe(expected);
  });
});

describe('readiness score', () => {
  it('given the best inputs, then every factor is 100 and readiness is 100 GREEN', () => {
    const result = computeReadiness(inputs(8, 10, 1, 10, 0));

    expect(result).toEqual({
      formulaVersion: 1,
      hoursScore: 100,
      sleepScore: 100,
      stressScore: 100,
      physicalScore: 100,
      painScore: 100,
      readinessScore: 100,
      level: 'GREEN',
    });
  });

  it('given the worst inputs, then readiness is the minimum, 4 RED', () => {
    // 0 h → hours 20; quality 1 → sleep = (20 + 0) / 2 = 10; stress 10 → 0;
    // physical 1 → 0; pain 10 → 0. Readiness = 0.35 × 10 = 3.5, which rounds half up to 4.
    const result = computeReadiness(inputs(0, 1, 10, 1, 10));

    expect(result).toMatchObject({
      hoursScore: 20,
      sleepScore: 10,
      stressScore: 0,
      physicalScore: 0,
      painScore: 0,
      readinessScore: 4,
      level: 'RED',
    });
  });

  it('given reference case A (7.5 h, quality 8, stress 3, physical 8, pain 0), then 86 GREEN', () => {
    // hours 7.5 → 100
    // sleep    = (100 + 7/9 × 100) / 2 = 88.888…  → stored 88.9
    // stress   = (10 − 3)/9 × 100      = 77.777…  → stored 77.8
    // physical = (8 − 1)/9 × 100       = 77.777…  → stored 77.8
    // pain     = (10 − 0)/10 × 100     = 100
    // readiness = 0.35 × 88.888… + 0.25 × 77.777… + 0.20 × 77.777… + 0.20 × 100
    //           = 31.111… + 19.444… + 15.555… + 20 = 86.111… → 86
    const result = computeReadiness(inputs(7.5, 8, 3, 8, 0));

    expect(result).toEqual({
      formulaVersion: READINESS_FORMULA_VERSION,
      hoursScore: 100,
      sleepScore: 88.9,
      stressScore: 77.8,
      physicalScore: 77.8,
      painScore: 100,
      readinessScore: 86,
      level: 'GREEN',
    });
  });

  it('given reference case B (5.5 h, quality 4, stress 7, physical 5, pain 3), then 48 RED', () => {
    // hours 5.5 → 60
    // sleep    = (60 + 3/9 × 100) / 2 = 46.666…  → stored 46.7
    // stress   = (10 − 7)/9 × 100     = 33.333…  → stored 33.3
    // physical = (5 − 1)/9 × 100      = 44.444…  → stored 44.4
    // pain     = (10 − 3)/10 × 100    = 70
    // readiness = 0.35 × 46.666… + 0.25 × 33.333… + 0.20 × 44.444… + 0.20 × 70
    //           = 16.333… + 8.333… + 8.888… + 14 = 47.555… → 48
    const result = computeReadiness(inputs(5.5, 4, 7, 5, 3));

    expect(result).toEqual({
      formulaVersion: 1,
      hoursScore: 60,
      sleepScore: 46.7,
      stressScore: 33.3,
      physicalScore: 44.4,
      painScore: 70,
      readinessScore: 48,
      level: 'RED',
    });
  });

  it.each([
    // pain 0 is "no pain": the full 100; each pain step costs 10 points of the pain factor.
    [0, 100],
    [1, 90],
    [10, 0],
  ])('given pain %s, then the pain score is %s', (pain, expected) => {
    expect(computeReadiness(inputs(8, 5, 5, 5, pain)).painScore).toBe(expected);
  });

  it('given pain 1 instead of 0, then readiness drops by 0.20 × 10 = 2 points', () => {
    // 8 h, quality 10, stress 1, physical 10: every other factor is 100.
    expect(computeReadiness(inputs(8, 10, 1, 10, 0)).readinessScore).toBe(100);
    expect(computeReadiness(inputs(8, 10, 1, 10, 1)).readinessScore).toBe(98);
  });

  it('given a factor like 5/9 × 100 = 55.55…, then it is stored rounded to one decimal, 55.6', () => {
    // stress 5 → (10 − 5)/9 × 100 = 55.555…
    expect(computeReadiness(inputs(8, 5, 5, 5, 0)).stressScore).toBe(55.6);
  });
});

describe('readiness level boundaries, reached through real inputs', () => {
  // All at 8 h (hours score 100, so sleep = (100 + (q − 1)/9 × 100) / 2). Worked out over
  // 1800: readiness = [35(900 + 100(q − 1)) + 5000(10 − s) + 4000(p − 1) + 3600(10 − x)] / 1800.
  it.each([
    // q4: 35 × 1200 = 42000; s5: 25000; p9: 32000; x3: 25200 → 124200 / 1800 = 69
    { given: inputs(8, 4, 5, 9, 3), score: 69, level: 'YELLOW' },
    // q4: 42000; s4: 30000; p10: 36000; x5: 18000 → 126000 / 1800 = 70
    { given: inputs(8, 4, 4, 10, 5), score: 70, level: 'GREEN' },
    // q2: 35 × 1000 = 35000; s6: 20000; p3: 8000; x3: 25200 → 88200 / 1800 = 49
    { given: inputs(8, 2, 6, 3, 3), score: 49, level: 'RED' },
    // q2: 35000; s5: 25000; p4: 12000; x5: 18000 → 90000 / 1800 = 50
    { given: inputs(8, 2, 5, 4, 5), score: 50, level: 'YELLOW' },
  ])('given inputs landing on $score, then the level is $level', ({ given, score, level }) => {
    const result = computeReadiness(given);

    expect(result.readinessScore).toBe(score);
    expect(result.level).toBe(level);
  });

  it.each([
    [100, 'GREEN'],
    [70, 'GREEN'],
    [69, 'YELLOW'],
    [50, 'YELLOW'],
    [49, 'RED'],
    [0, 'RED'],
  ])('given score %s, then the level is %s', (score, level) => {
    expect(readinessLevel(score)).toBe(level);
  });
});

describe('rounding halves up without floating-point drift', () => {
  // Naive floating point gives 69.49999999999999 and 49.49999999999999 for these, which
  // Math.round turns into 69 and 49; the formula's exact value is .5, so it must go up.
  it.each([
    // 8 h, q9: 35 × 1700 = 59500; s6: 20000; p7: 24000; x4: 21600 → 125100 / 1800 = 69.5
    { given: inputs(8, 9, 6, 7, 4), score: 70, level: 'GREEN' },
    // 8 h, q9: 59500; s10: 0; p3: 8000; x4: 21600 → 89100 / 1800 = 49.5
    { given: inputs(8, 9, 10, 3, 4), score: 50, level: 'YELLOW' },
  ])(
    'given inputs whose exact readiness is $score − 0.5, then it rounds up to $score',
    ({ given, score, level }) => {
      const naive =
        0.35 * ((100 + ((given.sleepQuality - 1) / 9) * 100) / 2) +
        0.25 * (((10 - given.stressLevel) / 9) * 100) +
        0.2 * (((given.physicalCondition - 1) / 9) * 100) +
        0.2 * (((10 - given.painLevel) / 10) * 100);
      expect(Math.round(naive)).toBe(score - 1);

      const result = computeReadiness(given);

      expect(result.readinessScore).toBe(score);
      expect(result.level).toBe(level);
    },
  );
});
