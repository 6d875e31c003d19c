import { useMemo } from 'react';
import { trpc } from '../../trpc/trpc.ts';

/** As many people as one page of the list holds: enough for most companies' histories. */
const PEOPLE_LIMIT = 100;

/**
 * Names by id for the teams (active or not) and people an event or audit entry names,
 * plus any the screen already knows. Ids it cannot name show as short references.
 */
export function useKnownNames(extra?: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const active = trpc.teams.list.useQuery({ active: true });
  const inactive = trpc.teams.list.useQuery({ active: false });
  const people = trpc.people.list.useQuery({ limit: PEOPLE_LIMIT });
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const team of [...(active.data?.items ?? []), ...(inactive.data?.items ?? [])]) {
      names.set(team.id, team.name);
    }
    for (const person of people.data?.items ?? []) {
      names.set(person.id, `${person.firstName} ${person.lastName}`);
    }
    for (const [id, name] of extra ?? []) names.set(id, name);
    return names;
  }, [active.data, inactive.data, people.data, extra]);
}
