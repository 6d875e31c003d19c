import { csvCell } from './csv-cell.ts';

/** One CSV record (RFC 4180), its cells guarded and quoted, ended by CRLF. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
