import { describe, expect, it } from 'vitest';
import { alertEscalationDue, raisesReadinessAlert } from './readiness-alert.ts';

describe('readiness alerts', () => {
  it('given a RED check-in, then it alerts the lead whatever the pain', () => {
    expect(raisesReadinessAlert('RED', 0)).toBe(true);
  });

  it('given pain 7 or more, then it alerts even when GREEN or YELLOW', () => {
    expect(raisesReadinessAlert('GREEN', 7)).toBe(true);
    expect(raisesReadinessAlert('YELLOW', 10)).toBe(true);
  });

  it('given GREEN or YELLOW with pain up to 6, then no alert', () => {
    expect(raisesReadinessAlert('GREEN', 6)).toBe(false);
    expect(raisesReadinessAlert('YELLOW', 0)).toBe(false);
  });

  it('given an alert raised 59:59 ago, then it is not due; at 60:00 it is', () => {
    const raised = new Date('2026-11-30T08:00:00.000Z');
    expect(alertEscalationDue(raised, new Date('2026-11-30T08:59:59.999Z'))).toBe(false);
    expect(alertEscalationDue(raised, new Date('2026-11-30T09:00:00.000Z'))).toBe(true);
  });
});
