import { describe, expect, it } from 'vitest';
import { greetingAt } from './greeting.ts';

describe('greetingAt', () => {
  const instant = new Date('2026-03-02T01:30:00Z');

  it("follows the company's clock, not the browser's", () => {
    expect(greetingAt(instant, 'Australia/Sydney')).toBe('Good afternoon'); // 12:30
    expect(greetingAt(instant, 'Asia/Tokyo')).toBe('Good morning'); // 10:30
    expect(greetingAt(instant, 'America/New_York')).toBe('Good evening'); // 20:30 the day before
  });

  it('still greets when the zone is unknown', () => {
    expect(greetingAt(instant, 'Not/A_Zone')).toMatch(/^Good (morning|afternoon|evening)$/);
  });
});
