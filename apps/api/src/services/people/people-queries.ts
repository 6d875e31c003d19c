import { type Prisma, type ReadTx, withTenant } from '@aegira/db';
import type { Role } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import { readablePersonFilter } from '../access-policy.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { type AsOfDto, type AsOfRequest, resolveAsOf } from '../as-of/resolve-as-of.ts';
import { memberIdsOn } from '../teams/membership.ts';
import { personAsOf } from './person-as-of.ts';
import {
  type PersonDetailDto,
  type PersonDto,
  personDetailOf,
  personDtosOf,
} from './person-dto.ts';
import { companyToday, notFound } from './person-rules.ts';

export interface ListPeopleRequest {
  search?: string | undefined;
  role?: Role | undefined;
  teamId?: string | undefined;
  active?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

async function readableOrForbidden(
  read: ReadTx,
  actor: Actor,
  now: Date,
): Promise<Prisma.PersonWhereInput> {
  const readable = await readablePersonFilter(read, actor, now);
  if (!readable) {
    throw new AppError('FORBIDDEN', 'Your role does not allow reading other people.');
  }
  return readable;
}

/** Every word must match a name or the email (case-insensitive), so "ada adm" finds Ada Admin. */
function searchFilter(search: string | undefined): Prisma.PersonWhereInput[] {
  const words = (search ?? '').split(/\s+/).filter((word) => word.length > 0);
  return words.map((word) => ({
    OR: [
      { firstName: { contains: word, mode: 'insensitive' } },
      { lastName: { contains: word, mode: 'insensitive' } },
      { email: { contains: word, mode: 'insensitive' } },
    ],
  }));
}

/**
 * People the actor may read, by last name, first name and id (a stable order
 * for the cursor, the id of the last person seen).
 */
export async function listPeople(
  deps: ServiceDeps,
  actor: Actor,
  request: ListPeopleRequest,
): Promise<{ items: PersonDto[]; nextCursor: string | null }> {
  return withTenant(deps.db, actor.companyId, async (read) => {
    const now = deps.now?.() ?? new Date();
    const readable = await readableOrForbidden(read, actor, now);
    // The members of a team today, moves whose day has come included (reads never write).
    const members = request.teamId
      ? await memberIdsOn(read, [request.teamId], await companyToday(read, actor.companyId, now))
      : null;
    const rows = await read.person.findMany({
      where: {
        AND: [
          readable,
          ...searchFilter(request.search),
          ...(request.role ? [{ role: request.role }] : []),
          ...(members ? [{ id: { in: members } }] : []),
          ...(request.active !== undefined ? [{ isActive: request.active }] : []),
        ],
      },
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
      take: request.limit + 1,
      ...(request.cursor ? { cursor: { id: request.cursor }, skip: 1 } : {}),
    });
    const page = rows.slice(0, request.limit);
    return {
      items: await personDtosOf(read, page, now),
      nextCursor: rows.length > request.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}

/**
 * One person, now or as of a point in the past; NOT_FOUND when they are in another
 * company or outside the actor's scope today (asOf never widens it).
 */
export async function getPerson(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  asOf?: AsOfRequest,
): Promise<PersonDetailDto & { asOf: AsOfDto }> {
  return withTenant(deps.db, actor.companyId, async (read) => {
    const now = deps.now?.() ?? new Date();
    const readable = await readableOrForbidden(read, actor, now);
    const row = await read.person.findFirst({ where: { AND: [readable, { id }] } });
    if (!row) throw notFound();
    if (asOf) {
      const entity = { entityType: 'person', entityId: row.id } as const;
      return personAsOf(read, row.id, await resolveAsOf(read, actor, asOf, entity));
    }
    return { ...(await personDetailOf(read, row, now)), asOf: null };
  });
}
