import { countLoginFailures, withTenant } from '@aegira/db';
import type { Actor, ServiceDeps } from '../actor.ts';

export interface FailedLoginsRow {
  personId: string;
  name: string;
  email: string;
  failures: number;
  lastFailedAt: string;
}

/**
 * Failed logins per person of the admin's company over the last `hours` (issue 11: admins see
 * failed-login counts). Only known accounts are counted: a guess at an unknown email names no
 * person. The rows come from login_failures (docs/decisions/032-login-throttling.md).
 */
export async function listFailedLogins(
  deps: ServiceDeps,
  actor: Actor,
  hours: number,
): Promise<{ since: string; items: FailedLoginsRow[] }> {
  const now = deps.now?.() ?? new Date();
  const since = new Date(now.getTime() - hours * 60 * 60 * 1000);
  return withTenant(deps.db, actor.companyId, async (read) => {
    const counts = await countLoginFailures(read, since);
    const people = await read.person.findMany({
      where: { id: { in: counts.map((count) => count.personId) } },
      select: { id: true, firstName: true, lastName: true, email: true },
    });
    const byId = new Map(people.map((person) => [person.id, person]));
    const items = counts.flatMap((count) => {
      const person = byId.get(count.personId);
      if (!person) return [];
      return [
        {
          personId: person.id,
          name: `${person.firstName} ${person.lastName}`,
          email: person.email,
          failures: count.failures,
          lastFailedAt: count.lastFailedAt.toISOString(),
        },
      ];
    });
    return { since: since.toISOString(), items };
  });
}
