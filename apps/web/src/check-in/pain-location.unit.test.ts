import { describe, expect, it } from 'vitest';
import { painLocationLabel } from './pain-location.ts';

describe('painLocationLabel', () => {
  it('names the body area, and nothing without pain', () => {
    expect(painLocationLabel('lower_back')).toBe('Lower back');
    expect(painLocationLabel(null)).toBeNull();
  });
});
