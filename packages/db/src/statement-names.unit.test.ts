import { describe, expect, it } from 'vitest';
import { statementNames } from './statement-names.ts';

describe('statement names (decision 043)', () => {
  it('gives one SQL text the same name every time, and another text another name', () => {
    const nameOf = statementNames(10);
    const first = nameOf({ sql: 'SELECT 1' });
    expect(first).toMatch(/^aegira_\d+$/);
    expect(nameOf({ sql: 'SELECT 2' })).not.toBe(first);
    expect(nameOf({ sql: 'SELECT 1' })).toBe(first);
  });

  it('leaves texts beyond the limit unnamed, and keeps the names it gave', () => {
    const nameOf = statementNames(2);
    const a = nameOf({ sql: 'SELECT 1' });
    const b = nameOf({ sql: 'SELECT 2' });
    expect(nameOf({ sql: 'SELECT 3' })).toBe('');
    expect(nameOf({ sql: 'SELECT 3' })).toBe('');
    expect([nameOf({ sql: 'SELECT 1' }), nameOf({ sql: 'SELECT 2' })]).toEqual([a, b]);
  });
});
