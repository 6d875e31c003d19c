/**
 * Readiness formula version 1 (product.md, "The daily check-in").
 * The server stores this result as the truth; the browser runs the same code as a live preview.
 */
import type { CheckInInputs } from './check-in-inputs.ts';

/** Stored with every score so a later formula change never rewrites history. */
export const READINESS_FORMULA_VERSION = 1;

export type ReadinessLevel = 'GREEN' | 'YELLOW' | 'RED';

export const READINESS_GREEN_MIN = 70;
export const READINESS_YELLOW_MIN = 50;

export interface ReadinessResult {
  formulaVersion: typeof READINESS_FORMULA_VERSION;
  /** Factor scores 0–100, rounded to one decimal for storage. */
  hoursScore: number;
  sleepScore: number;
  stressScore: number;
  physicalScore: number;
  painScore: number;
  /** 0–100 integer, computed from the unrounded factor scores. */
  readinessScore: number;
  level: ReadinessLevel;
}

export type ReadinessInputs = Pick<
  CheckInInputs,
  'hoursSlept' | 'sleepQuality' | 'stressLevel' | 'physicalCondition' | 'painLevel'
>;

/** 7–9 → 100; 6–<7 or >9–10 → 80; 5–<6 → 60; 4–<5 → 40; <4 → 20; >10 → 60. */
export function hoursSleptScore(hoursSlept: number): number {
  if (hoursSlept > 10) return 60;
  if (hoursSlept > 9) return 80;
  if (hoursSlept >= 7) return 100;
  if (hoursSlept >= 6) return 80;
  if (hoursSlept >= 5) return 60;
  if (hoursSlept >= 4) return 40;
  return 20;
}

export function readinessLevel(readinessScore: number): ReadinessLevel {
  if (readinessScore >= READINESS_GREEN_MIN) return 'GREEN';
  if (readinessScore >= READINESS_YELLOW_MIN) return 'YELLOW';
  return 'RED';
}

/**
 * A score kept as an exact fraction. The formula divides by 9 and 10 and weighs by
 * hundredths, so plain floating point can land a hair below a true .5 (69.4999…) and
 * round the wrong way; fractions of integers avoid that.
 */
interface Fraction {
  numerator: number;
  denominator: number;
}

/** Halves up, exact while numerator and denominator are integers (they are for valid inputs). */
function roundHalfUp({ numerator, denominator }: Fraction, decimals: 0 | 1): number {
  const scale = decimals === 1 ? 10 : 1;
  return Math.floor((2 * numerator * scale + denominator) / (2 * denominator)) / scale;
}

/**
 * Computes readiness from inputs that passed `validateCheckInInputs`; it does not validate.
 *
 * With H = hours score, q = quality, s = stress, p = physical, x = pain, over 1800:
 *   sleep    = (H + (q − 1)/9 × 100) / 2 = (9H + 100(q − 1)) / 18
 *   stress   = (10 − s)/9 × 100          = 100(10 − s) / 9
 *   physical = (p − 1)/9 × 100           = 100(p − 1) / 9
 *   pain     = (10 − x)/10 × 100         = 10(10 − x)
 *   readiness = 0.35 sleep + 0.25 stress + 0.20 physical + 0.20 pain
 *             = [35(9H + 100(q − 1)) + 5000(10 − s) + 4000(p − 1) + 3600(10 − x)] / 1800
 */
export function computeReadiness(inputs: ReadinessInputs): ReadinessResult {
  const hours = hoursSleptScore(inputs.hoursSlept);
  const sleepNumerator = 9 * hours + 100 * (inputs.sleepQuality - 1);
  const stressNumerator = 100 * (10 - inputs.stressLevel);
  const physicalNumerator = 100 * (inputs.physicalCondition - 1);
  const painScore = 10 * (10 - inputs.painLevel);

  // 1800 × readiness = 630 sleep + 450 stress + 360 physical + 360 pain, each over its denominator.
  const readiness: Fraction = {
    numerator:
      35 * sleepNumerator + 50 * stressNumerator + 40 * physicalNumerator + 360 * painScore,
    denominator: 1800,
  };
  const readinessScore = roundHalfUp(readiness, 0);

  return {
    formulaVersion: READINESS_FORMULA_VERSION,
    hoursScore: hours,
    sleepScore: roundHalfUp({ numerator: sleepNumerator, denominator: 18 }, 1),
    stressScore: roundHalfUp({ numerator: stressNumerator, denominator: 9 }, 1),
    physicalScore: roundHalfUp({ numerator: physicalNumerator, denominator: 9 }, 1),
    painScore: roundHalfUp({ numerator: painScore, denominator: 1 }, 1),
    readinessScore,
    level: readinessLevel(readinessScore),
  };
}
