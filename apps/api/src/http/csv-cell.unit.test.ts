import { describe, expect, it } from 'vitest';
import { csvCell } from './csv-cell.ts';
import { csvLine } from './csv-line.ts';

describe('csvCell', () => {
  it('prefixes text that a spreadsheet would run as a formula, then quotes as RFC 4180 asks', () => {
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('Ada, Lovelace')).toBe('"Ada, Lovelace"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('leaves numbers as numbers and empties null', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(87.5)).toBe('87.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('ends each record with CRLF', () => {
    expect(csvLine(['a', 1, null, '+x'])).toBe("a,1,,'+x\r\n");
  });
});
