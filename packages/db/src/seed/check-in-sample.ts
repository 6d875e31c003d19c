import {
  computeReadiness,
  PAIN_LOCATIONS,
  type PainLocation,
  type ReadinessResult,
} from '@aegira/domain';
import type { Rng } from './rng.ts';

/** How a worker usually feels: most are fine, some often tired, a few struggle now and then. */
export type WorkerProfile = 'steady' | 'average' | 'tired' | 'struggling';

/** Three in five steady or average, the rest tired or struggling (by the worker's own stream). */
export function profileFor(rng: Rng): WorkerProfile {
  const roll = rng.next();
  if (roll < 0.35) return 'steady';
  if (roll < 0.7) return 'average';
  if (roll < 0.9) return 'tired';
  return 'struggling';
}

interface ProfileShape {
  hours: number;
  quality: number;
  stress: number;
  physical: number;
  /** Chance of a bad day: little sleep, high stress and pain. */
  badDay: number;
  /** Chance of some pain on an ordinary day. */
  ache: number;
}

const SHAPES: Readonly<Record<WorkerProfile, ProfileShape>> = {
  steady: { hours: 7.8, quality: 8, stress: 2.5, physical: 8.5, badDay: 0.005, ache: 0.04 },
  average: { hours: 7, quality: 6.5, stress: 4, physical: 7, badDay: 0.02, ache: 0.1 },
  tired: { hours: 5.8, quality: 4.5, stress: 5.5, physical: 5.5, badDay: 0.05, ache: 0.2 },
  struggling: { hours: 6.2, quality: 5, stress: 6.5, physical: 5, badDay: 0.1, ache: 0.3 },
};

const NOTES = [
  'Long drive in this morning',
  'Kids kept me up',
  'Back a bit stiff after yesterday',
  'Feeling good',
  'Early start tomorrow',
  'Slept badly, noisy neighbours',
] as const;

export interface SampledCheckIn {
  inputs: {
    hoursSlept: number;
    sleepQuality: number;
    stressLevel: number;
    physicalCondition: number;
    painLevel: number;
    painLocation: PainLocation | null;
    notes: string | null;
  };
  scores: ReadinessResult;
}

const clamp = (value: number, min: number, max: number) =>
  Math.min(max, Math.max(min, Math.round(value)));

/** Roughly normal noise (sum of three uniforms), mean 0, spread about ±1.5 × scale. */
function noise(rng: Rng, scale: number): number {
  return (rng.next() + rng.next() + rng.next() - 1.5) * scale;
}

/** One day's answers for a worker of `profile`, scored by the product's own formula. */
export function sampleCheckIn(rng: Rng, profile: WorkerProfile): SampledCheckIn {
  const shape = SHAPES[profile];
  const bad = rng.chance(shape.badDay);
  const hours = bad ? 3.5 + rng.int(0, 3) * 0.5 : shape.hours + noise(rng, 1.4);
  const hoursSlept = Math.min(15, Math.max(0, Math.round(hours * 2) / 2));
  const painLevel = bad ? rng.int(6, 9) : rng.chance(shape.ache) ? rng.int(1, 4) : 0;
  const inputs = {
    hoursSlept,
    sleepQuality: clamp(bad ? rng.int(1, 3) : shape.quality + noise(rng, 2.5), 1, 10),
    stressLevel: clamp(bad ? rng.int(7, 10) : shape.stress + noise(rng, 2.5), 1, 10),
    physicalCondition: clamp(bad ? rng.int(2, 4) : shape.physical + noise(rng, 2), 1, 10),
    painLevel,
    painLocation: painLevel > 0 ? rng.pick(PAIN_LOCATIONS) : null,
    notes: rng.chance(0.05) ? rng.pick(NOTES) : null,
  };
  return { inputs, scores: computeReadiness(inputs) };
}
