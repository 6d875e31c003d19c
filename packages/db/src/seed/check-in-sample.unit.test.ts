import { computeReadiness, validateCheckInInputs } from '@aegira/domain';
import { describe, expect, it } from 'vitest';
import { sampleCheckIn, type WorkerProfile } from './check-in-sample.ts';
import { teamSizes } from './company.ts';
import { createRng, seedOf } from './rng.ts';

describe('the seeded generator', () => {
  it('gives the same sequence for the same seed, another for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(seedOf('worker', 1, 2)).toBe(seedOf('worker', 1, 2));
    expect(seedOf('worker', 1, 2)).not.toBe(seedOf('worker', 1, 3));
  });

  it('draws integers within their bounds, both included', () => {
    const rng = createRng(1);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});

describe('a sampled check-in', () => {
  const levels = (profile: WorkerProfile) => {
    const rng = createRng(seedOf('profile', profile));
    const counts = { GREEN: 0, YELLOW: 0, RED: 0 };
    for (let i = 0; i < 1_000; i += 1) {
      const { inputs, scores } = sampleCheckIn(rng, profile);
      // Answers a worker could give, scored by the product's own formula.
      expect(validateCheckInInputs(inputs).ok).toBe(true);
      expect(scores).toEqual(computeReadiness(inputs));
      counts[scores.level] += 1;
    }
    return counts;
  };

  it('is mostly GREEN for a steady worker and RED now and then for a struggling one', () => {
    const steady = levels('steady');
    const struggling = levels('struggling');
    expect(steady.GREEN).toBeGreaterThan(800);
    expect(steady.RED).toBeLessThan(20);
    expect(struggling.RED).toBeGreaterThan(30);
    expect(struggling.GREEN).toBeLessThan(steady.GREEN);
  });
});

describe('team sizes', () => {
  it('add up to the workers, each between the bounds where the total allows', () => {
    for (const workers of [20, 50, 73, 1_000, 5_000]) {
      const sizes = teamSizes(workers, 20, 50, 1);
      expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(workers);
      for (const size of sizes) {
        expect(size).toBeGreaterThanOrEqual(20);
        expect(size).toBeLessThanOrEqual(50);
      }
    }
    expect(teamSizes(7, 20, 50, 1)).toEqual([7]);
  });
});
