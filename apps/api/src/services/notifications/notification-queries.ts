import {
  type Db,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type Prisma,
  type ReadTx,
  withTenant,
} from '@aegira/db';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../actor.ts';
import { oneByOne } from '../one-by-one.ts';
import type { NotificationDto, NotificationFilter } from './notification-dto.ts';
import { type Names, notificationText, type StoredData } from './notification-text.ts';

export interface NotificationListRequest {
  filter: NotificationFilter;
  /** The id of the last notification of the previous page. */
  cursor?: string | undefined;
  limit: number;
}

/** unread and read exclude archived ones; `all` is the inbox (unread and read), not the archive. */
function whereOf(filter: NotificationFilter): Prisma.NotificationWhereInput {
  switch (filter) {
    case 'unread':
      return { readAt: null, archivedAt: null };
    case 'read':
      return { readAt: { not: null }, archivedAt: null };
    case 'archived':
      return { archivedAt: { not: null } };
    case 'all':
      return { archivedAt: null };
    default: {
      const unknown: never = filter;
      throw new Error(`Unknown filter ${String(unknown)}`);
    }
  }
}

const KINDS: ReadonlySet<string> = new Set(NOTIFICATION_KINDS);
const isKind = (kind: string): kind is NotificationKind => KINDS.has(kind);

function dataOf(stored: Prisma.JsonValue): StoredData {
  return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {};
}

/** Every person and team id a page mentions, named in two queries. */
async function namesFor(read: ReadTx, data: StoredData[]): Promise<Names> {
  const personIds = new Set<string>();
  const teamIds = new Set<string>();
  for (const entry of data) {
    for (const [key, value] of Object.entries(entry)) {
      const values = Array.isArray(value) ? value : [value];
      for (const id of values) {
        if (typeof id !== 'string') continue;
        if (key === 'personId' || key === 'personIds') personIds.add(id);
        if (key.endsWith('eamId')) teamIds.add(id);
      }
    }
  }
  const [persons, teams] = await oneByOne(
    () =>
      personIds.size > 0
        ? read.person.findMany({
            where: { id: { in: [...personIds] } },
            select: { id: true, firstName: true, lastName: true },
          })
        : [],
    () =>
      teamIds.size > 0
        ? read.team.findMany({
            where: { id: { in: [...teamIds] } },
            select: { id: true, name: true },
          })
        : [],
  );
  const personNames = new Map(persons.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  return {
    person: (id) => (typeof id === 'string' ? personNames.get(id) : undefined) ?? 'Someone',
    team: (id) => (typeof id === 'string' ? teamNames.get(id) : undefined) ?? 'a team',
  };
}

/**
 * The caller's own notifications, newest first (a growing group moves up), by cursor. Row-level
 * security scopes them to the company; the recipient filter to the caller.
 */
export async function listNotifications(
  db: Db,
  actor: Actor,
  request: NotificationListRequest,
): Promise<{ items: NotificationDto[]; nextCursor: string | null }> {
  return withTenant(db, actor.companyId, async (read) => {
    const mine = { recipientId: actor.personId };
    let after: Prisma.NotificationWhereInput = {};
    if (request.cursor) {
      const cursor = await read.notification.findFirst({
        where: { ...mine, id: request.cursor },
        select: { id: true, createdAt: true },
      });
      if (!cursor) {
        throw new AppError('VALIDATION_FAILED', 'The cursor is not from a previous page.', {
          fieldErrors: { cursor: ['must be a cursor from a previous page'] },
        });
      }
      after = {
        OR: [
          { createdAt: { lt: cursor.createdAt } },
          { createdAt: cursor.createdAt, id: { lt: cursor.id } },
        ],
      };
    }
    const rows = await read.notification.findMany({
      where: { ...mine, ...whereOf(request.filter), ...after },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: request.limit + 1,
    });
    const page = rows.slice(0, request.limit);
    const names = await namesFor(
      read,
      page.map((row) => dataOf(row.data)),
    );
    const items = page.flatMap((row): NotificationDto[] => {
      // Only packages/db writes kinds; one this API does not know yet is left out, not fatal.
      if (!isKind(row.kind)) return [];
      return [
        {
          id: row.id,
          kind: row.kind,
          ...notificationText(row.kind, dataOf(row.data), names),
          count: Math.max(1, row.eventIds.length),
          createdAt: row.createdAt.toISOString(),
          readAt: row.readAt?.toISOString() ?? null,
          archivedAt: row.archivedAt?.toISOString() ?? null,
        },
      ];
    });
    return {
      items,
      nextCursor: rows.length > request.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}

/** How many of the caller's notifications are unread (archived ones never are). */
export async function countUnreadNotifications(db: Db, actor: Actor): Promise<number> {
  return withTenant(db, actor.companyId, (read) =>
    read.notification.count({
      where: { recipientId: actor.personId, readAt: null, archivedAt: null },
    }),
  );
}
