/** A local date 'YYYY-MM-DD' as the Date Prisma stores in a DATE column (UTC midnight, no shift). */
export function dateColumn(localDate: string): Date {
  return new Date(`${localDate}T00:00:00.000Z`);
}

/** The inverse of dateColumn: a DATE column read back as 'YYYY-MM-DD'. */
export function localDateOf(value: Date): string {
  return value.toISOString().slice(0, 10);
}
