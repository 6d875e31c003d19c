import { describe, expect, it } from 'vitest';
import {
  auditActionLabel,
  auditActionOptions,
  entityTypeLabel,
  eventLabel,
  isAuditAction,
  sentenceFromCode,
} from './event-wording.ts';

describe('labels', () => {
  it('names known events and actions, and makes words of new ones', () => {
    expect(eventLabel('PERSON_DEACTIVATED')).toBe('Deactivated');
    expect(auditActionLabel('PERSON_DEACTIVATED')).toBe('Person deactivated');
    expect(sentenceFromCode('SHIFT_SWAPPED')).toBe('Shift swapped');
    expect(entityTypeLabel('missed_check_in')).toBe('Missed check-in');
    expect(entityTypeLabel('rota')).toBe('Rota');
  });

  it('offers only actions it can name in the audit filter', () => {
    expect(auditActionOptions).toContain('PERSON_DEACTIVATED');
    expect(auditActionOptions.every(isAuditAction)).toBe(true);
  });
});
