import { describe, expect, it } from 'vitest';
import { neutraliseCsvFormula } from './csv-guard.ts';

describe('neutraliseCsvFormula', () => {
  it('prefixes a single quote to a cell starting with =, +, -, @, tab or CR', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(neutraliseCsvFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    }
  });

  it('leaves other cells alone, including those with a formula character later on', () => {
    expect(neutraliseCsvFormula('Ada Lovelace')).toBe('Ada Lovelace');
    expect(neutraliseCsvFormula('a=b')).toBe('a=b');
    expect(neutraliseCsvFormula(' =x')).toBe(' =x');
    expect(neutraliseCsvFormula('')).toBe('');
  });
});
