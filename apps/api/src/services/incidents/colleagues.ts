import { withTenant } from '@aegira/db';
import type { Actor, ServiceDeps } from '../actor.ts';
import { fullName } from '../teams/team-dto.ts';

/**
 * The active people of the caller's company a report can name as involved: names only,
 * for anyone reporting (a worker names the colleague who was there).
 */
export async function listColleagues(
  deps: ServiceDeps,
  actor: Actor,
): Promise<Array<{ id: string; name: string }>> {
  return withTenant(deps.db, actor.companyId, async (read) => {
    const people = await read.person.findMany({
      where: { isActive: true, id: { not: actor.personId } },
      select: { id: true, firstName: true, lastName: true },
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
      take: 500,
    });
    return people.map((person) => ({ id: person.id, name: fullName(person) }));
  });
}
