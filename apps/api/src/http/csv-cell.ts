import { neutraliseCsvFormula } from '@aegira/domain';

/**
 * One CSV cell: text guarded against spreadsheet formula injection (the guard packages/sdk's
 * CSV helper uses too), then quoted when it holds a quote, a comma or a line break, or starts
 * or ends with whitespace, which some readers would trim. null and undefined are empty.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers stay numbers (a negative one is not a formula), as in packages/sdk's csvField.
  const text = typeof value === 'string' ? neutraliseCsvFormula(value) : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
