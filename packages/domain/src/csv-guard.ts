/**
 * Spreadsheet formula injection (CWE-1236): a cell that starts with one of
 * these is run as a formula by Excel, LibreOffice or Sheets. Prefixing a single
 * quote makes it text. One function, used by the API's CSV exports and by the
 * SDK's CSV helper, so both neutralise exactly the same cells.
 */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'] as const;

export function neutraliseCsvFormula(text: string): string {
  return FORMULA_STARTS.some((start) => text.startsWith(start)) ? `'${text}` : text;
}
