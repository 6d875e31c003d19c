import { describe, expect, it } from 'vitest';
import { oneByOne } from './one-by-one.ts';

describe('oneByOne', () => {
  it('starts each step only after the previous one finished, and returns the results in order', async () => {
    const log: string[] = [];
    const step = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${name}`);
      return name;
    };
    const [a, b, c] = await oneByOne(step('a', 20), step('b', 1), () => 3);
    expect([a, b, c]).toEqual(['a', 'b', 3]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});
