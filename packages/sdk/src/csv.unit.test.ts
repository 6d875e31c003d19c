import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('CSV quoting (RFC 4180)', () => {
  it('leaves plain fields alone and writes null and undefined as empty', () => {
    expect(toCsv([['Ada', 42, true, null, undefined, 7.5]])).toBe('Ada,42,true,,,7.5\r\n');
  });

  it('quotes a field with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('Smith, Jane')).toBe('"Smith, Jane"');
    expect(csvField('Zoë "Zed" O\'Hara')).toBe('"Zoë ""Zed"" O\'Hara"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
    expect(csvField('"')).toBe('""""');
  });

  it('quotes leading or trailing whitespace so readers do not trim it', () => {
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('padded ')).toBe('"padded "');
    expect(csvField('in side')).toBe('in side');
  });

  it('ends every row with CRLF, also the last, and keeps line breaks inside quotes', () => {
    expect(
      toCsv([
        ['name', 'note'],
        ['A, B', 'x\ny'],
      ]),
    ).toBe('name,note\r\n"A, B","x\ny"\r\n');
    expect(toCsv([])).toBe('');
  });
});

describe('spreadsheet formula injection', () => {
  it('prefixes a quote to text starting with = + - @ tab or CR, the same guard as the API exports', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\rcmd')).toBe('"\'\rcmd"');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('leaves numbers as numbers, negative ones too', () => {
    expect(toCsv([[-4, 0.5]])).toBe('-4,0.5\r\n');
  });
});
