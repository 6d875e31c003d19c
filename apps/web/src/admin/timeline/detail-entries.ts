import { formatLocalDate } from '../../check-in/format.ts';
import { formatWorkDays } from '../../schedule/schedule-format.ts';
import { formatInstant } from '../format-instant.ts';
import { isRole, roleLabels } from '../roles.ts';
import { sentenceFromCode } from './event-wording.ts';

export type DetailEntry = { key: string; label: string; value: string };

export type DetailContext = {
  /** Names for the ids a payload holds (teams, people), where the screen knows them. */
  names?: ReadonlyMap<string, string>;
  /** Instants read on this clock (the company's). */
  timeZone?: string;
};

/**
 * Fields that tell a reader nothing: ids and bookkeeping, secrets (already masked), and
 * the when and who of the change itself, which the entry shows on its first line.
 */
const HIDDEN_KEYS = new Set([
  'id',
  'slug',
  'tokenVersion',
  'passwordHash',
  'tokenHash',
  'schemaVersion',
  'deactivatedAt',
  'deactivatedById',
  'completedAt',
  'cancelledAt',
  'amendedAt',
  'revokedAt',
  'revokedById',
  'createdById',
  'detectedAt',
  'resolvedAt',
  'submittedAt',
]);

/** The order people read a record in; fields not listed follow in the payload's order. */
const KEY_ORDER = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'role',
  'from',
  'to',
  'reason',
  'date',
  'recurring',
  'description',
  'leaderId',
  'supervisorId',
  'teamId',
  'fromTeamId',
  'toTeamId',
  'effectiveOn',
  'teamAssignedOn',
  'windowStart',
  'windowEnd',
  'workDays',
  'timezone',
];

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const CODE_PATTERN = /^([a-z]+(_[a-z]+)+|[A-Z]+(_[A-Z]+)+)$/;
const ROLE_KEYS = new Set(['role', 'from', 'to']);

/** "windowStart" → "Window start", "teamId" → "Team". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/Ids?$/, (suffix) => (suffix === 'Ids' ? 's' : ''))
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

function formatText(key: string, value: string, context: DetailContext): string {
  if (UUID_PATTERN.test(value)) return context.names?.get(value) ?? `#${value.slice(0, 8)}`;
  if (ROLE_KEYS.has(key) && isRole(value)) return roleLabels[value];
  if (CODE_PATTERN.test(value)) return sentenceFromCode(value);
  if (DATE_PATTERN.test(value)) return formatLocalDate(value, 'long');
  if (context.timeZone && INSTANT_PATTERN.test(value)) {
    return formatInstant(value, context.timeZone);
  }
  return value;
}

function formatValue(key: string, value: unknown, context: DetailContext): string {
  if (isEmpty(value)) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return formatText(key, value, context);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (key === 'workDays' && value.every((day) => typeof day === 'number')) {
      return formatWorkDays(value);
    }
    return value.map((item) => formatValue(key, item, context)).join(', ');
  }
  return JSON.stringify(value);
}

function ordered(record: Record<string, unknown>): Array<[string, unknown]> {
  const rank = (key: string) => {
    const index = KEY_ORDER.indexOf(key);
    return index === -1 ? KEY_ORDER.length : index;
  };
  return Object.entries(record).sort(([a], [b]) => rank(a) - rank(b));
}

/**
 * An event payload or audit details as label/value rows. The `changes` of an update read
 * as the fields themselves, and there an empty value means "cleared"; elsewhere empty
 * fields are left out. Other nested objects prefix their keys ("Inputs · pain level").
 * Ids show the name the context knows for them, else a short reference.
 */
export function detailEntries(details: unknown, context: DetailContext = {}): DetailEntry[] {
  if (!isRecord(details)) return [];
  const entries: DetailEntry[] = [];
  const visit = (
    record: Record<string, unknown>,
    path: string,
    labelPrefix: string,
    keepEmpty: boolean,
  ) => {
    for (const [key, value] of ordered(record)) {
      if (HIDDEN_KEYS.has(key)) continue;
      if (isRecord(value)) {
        const isChanges = key === 'changes';
        const nested = isChanges ? '' : `${labelPrefix}${humanizeKey(key)} · `;
        visit(value, `${path}${key}.`, nested, isChanges);
        continue;
      }
      if (!keepEmpty && isEmpty(value)) continue;
      const label =
        labelPrefix === '' ? humanizeKey(key) : labelPrefix + humanizeKey(key).toLowerCase();
      entries.push({ key: path + key, label, value: formatValue(key, value, context) });
    }
  };
  visit(details, '', '', false);
  return entries;
}
