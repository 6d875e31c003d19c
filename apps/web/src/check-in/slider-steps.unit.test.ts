import { describe, expect, it } from 'vitest';
import { stepValue } from './slider-steps.ts';

const hours = { min: 0, max: 15, step: 0.5 };

describe('stepValue', () => {
  it('steps by half hours and lands exactly on the grid', () => {
    expect(stepValue(7, 1, hours)).toBe(7.5);
    expect(stepValue(7.5, -1, hours)).toBe(7);
    let value = 0;
    for (let index = 0; index < 15; index += 1) value = stepValue(value, 1, hours);
    expect(value).toBe(7.5);
  });

  it('stays within the range', () => {
    expect(stepValue(15, 1, hours)).toBe(15);
    expect(stepValue(0, -1, hours)).toBe(0);
    expect(stepValue(1, -1, { min: 1, max: 10, step: 1 })).toBe(1);
  });

  it('snaps an off-grid value back onto the grid', () => {
    expect(stepValue(7.2, 1, hours)).toBe(7.5);
  });
});
