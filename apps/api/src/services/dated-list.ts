import { dateColumn } from '@aegira/db';

/** A list of dated records (misses, alerts) by person, team and local-date range, paged by id. */
export interface DatedListRequest {
  personId?: string | undefined;
  /** The team of the record's day. */
  teamId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The request's person, team and date filters, as Prisma `AND` terms of a table with `localDate`. */
export function datedListFilters(request: DatedListRequest) {
  return [
    request.personId ? { personId: request.personId } : {},
    request.teamId ? { teamId: request.teamId } : {},
    request.from ? { localDate: { gte: dateColumn(request.from) } } : {},
    request.to ? { localDate: { lte: dateColumn(request.to) } } : {},
  ];
}

/** Prisma arguments for one page after the cursor, with one row more to tell whether a next page exists. */
export function cursorPageArgs(request: DatedListRequest) {
  return {
    take: request.limit + 1,
    ...(request.cursor ? { cursor: { id: request.cursor }, skip: 1 } : {}),
  };
}

/** The page of rows read with cursorPageArgs, and the cursor of the next page (null on the last). */
export function cursorPage<Row extends { id: string }>(
  rows: Row[],
  limit: number,
): { page: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
