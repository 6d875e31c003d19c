import { describe, expect, it } from 'vitest';
import { camelCase, snakeCase } from './row-state.ts';

describe('column names', () => {
  it.each([
    ['firstName', 'first_name'],
    ['resolvedByCheckInId', 'resolved_by_check_in_id'],
    ['missesLast30Days', 'misses_last_30_days'],
    ['id', 'id'],
  ])('%s is the column %s, and back', (field, column) => {
    expect(snakeCase(field)).toBe(column);
    expect(camelCase(column)).toBe(field);
  });
});
