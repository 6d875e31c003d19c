/**
 * What the server log keeps of an unexpected failure besides its stack (BI-4): the
 * error's code and the database's own words. Prisma's error for a too-long value or a
 * foreign key has an empty message; its `meta` (the driver adapter's error: SQLSTATE,
 * original message, constraint) is what an operator needs. Clients never see this.
 */
export function failureDetail(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const record = cause as Record<string, unknown>;
  const detail: Record<string, unknown> = {};
  for (const key of ['code', 'meta', 'detail', 'table', 'constraint', 'column'] as const) {
    if (record[key] !== undefined) detail[key] = record[key];
  }
  if (Object.keys(detail).length === 0) return undefined;
  try {
    return JSON.stringify(detail).slice(0, 4000);
  } catch {
    return undefined;
  }
}
