import type { RouterInputs } from '../../trpc/types.ts';
import { endOfLocalDay, startOfLocalDay } from '../format-instant.ts';
import type { AuditAction, AuditEntry, EntityType } from '../timeline/timeline-types.ts';

export type AuditListInput = RouterInputs['audit']['list'];

export type AuditFilters = {
  action: AuditAction | '';
  entityType: EntityType | '';
  /** The person who acted; empty: anyone. */
  actorId: string;
  /** Local dates ('YYYY-MM-DD') on the company's clock; empty: open-ended. */
  from: string;
  to: string;
};

export const noAuditFilters: AuditFilters = {
  action: '',
  entityType: '',
  actorId: '',
  from: '',
  to: '',
};

export const AUDIT_PAGE_SIZE = 50;

/** Whether any filter narrows the list (the empty state then says so). */
export function hasAuditFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some((value) => value !== '');
}

/** A "to" before "from" finds nothing: say so instead of asking. */
export function auditFilterError(filters: AuditFilters): string | null {
  if (filters.from !== '' && filters.to !== '' && filters.to < filters.from) {
    return 'The end date is before the start date.';
  }
  return null;
}

/** The list's input: whole local days in the company's timezone, both ends included. */
export function auditListInput(filters: AuditFilters, timeZone: string): AuditListInput {
  const from = filters.from === '' ? null : startOfLocalDay(filters.from, timeZone);
  const to = filters.to === '' ? null : endOfLocalDay(filters.to, timeZone);
  return {
    limit: AUDIT_PAGE_SIZE,
    ...(filters.action === '' ? {} : { action: filters.action }),
    ...(filters.entityType === '' ? {} : { entityType: filters.entityType }),
    ...(filters.actorId === '' ? {} : { actorId: filters.actorId }),
    ...(from === null ? {} : { from }),
    ...(to === null ? {} : { to }),
  };
}

/** Where the log's CSV export is served (apps/api/src/http/audit-log-csv.ts). */
export const AUDIT_LOG_CSV_PATH = '/api/audit-log.csv';

/** The CSV export of what the list shows: the same filters, every page, as a download link. */
export function auditCsvUrl(filters: AuditFilters, timeZone: string): string {
  const { limit: _limit, ...input } = auditListInput(filters, timeZone);
  const query = new URLSearchParams(
    Object.entries(input).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  ).toString();
  return query === '' ? AUDIT_LOG_CSV_PATH : `${AUDIT_LOG_CSV_PATH}?${query}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What to call the entity of an entry: a known name, a name or email in its details, or a short id. */
export function entityName(entry: AuditEntry, names: ReadonlyMap<string, string>): string {
  const known = names.get(entry.entityId);
  if (known) return known;
  const details = isRecord(entry.details) ? entry.details : {};
  for (const key of ['name', 'email'] as const) {
    const value = details[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return `#${entry.entityId.slice(0, 8)}`;
}
