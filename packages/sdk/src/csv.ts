import { neutraliseCsvFormula } from '@aegira/domain';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, a comma or a line
 * break, with quotes doubled; also when it starts or ends with whitespace,
 * which some readers would otherwise trim. null and undefined are empty. A
 * text starting like a formula (=, +, -, @, tab, CR) is prefixed with a quote
 * by the same guard as the API's exports; numbers stay numbers.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutraliseCsvFormula(value) : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text, each line ended by CRLF as RFC 4180 asks. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
