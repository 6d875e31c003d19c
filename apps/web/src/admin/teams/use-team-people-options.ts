import { useMemo } from 'react';
import type { Team } from '../../team/team-types.ts';
import { trpc } from '../../trpc/trpc.ts';
import { leaderOptions, type PersonOption } from './leader-options.ts';

/** The pickers list at most this many people; a company with more leads needs a search. */
const PICKER_LIMIT = 100;

/** Leader choices (active team leads) and supervisor choices (active supervisors). */
export function useTeamPeopleOptions(editing: Team | null) {
  const leads = trpc.people.list.useQuery({ role: 'TEAM_LEAD', active: true, limit: PICKER_LIMIT });
  const supervisors = trpc.people.list.useQuery({
    role: 'SUPERVISOR',
    active: true,
    limit: PICKER_LIMIT,
  });
  const teams = trpc.teams.list.useQuery({ active: true });

  const leaders = useMemo((): PersonOption[] | undefined => {
    if (!leads.data || !teams.data) return undefined;
    const options = leaderOptions(leads.data.items, teams.data.items, editing?.id ?? null);
    // The current lead stays visible even beyond the picker's limit.
    if (editing && !options.some((option) => option.id === editing.leader.id)) {
      options.unshift({
        id: editing.leader.id,
        name: editing.leader.name,
        note: null,
        disabled: false,
      });
    }
    return options;
  }, [leads.data, teams.data, editing]);

  const supervisorOptions = useMemo((): PersonOption[] | undefined => {
    if (!supervisors.data) return undefined;
    const options = supervisors.data.items.map((person) => ({
      id: person.id,
      name: `${person.firstName} ${person.lastName}`,
      note: null,
      disabled: false,
    }));
    const current = editing?.supervisor;
    if (current && !options.some((option) => option.id === current.id)) {
      options.unshift({ id: current.id, name: current.name, note: null, disabled: false });
    }
    return options;
  }, [supervisors.data, editing]);

  return {
    leaders: {
      options: leaders,
      loading: leads.isPending || teams.isPending,
      loadError: leads.error ?? teams.error,
    },
    supervisors: {
      options: supervisorOptions,
      loading: supervisors.isPending,
      loadError: supervisors.error,
    },
  };
}
