import type { Team } from '../../team/team-types.ts';

export type PersonOption = { id: string; name: string; note: string | null; disabled: boolean };

type Candidate = { id: string; firstName: string; lastName: string };

/**
 * Active team leads as leader choices. A lead may lead one active team only, so those
 * leading another team are listed but disabled, with the team named.
 */
export function leaderOptions(
  leads: readonly Candidate[],
  activeTeams: readonly Team[],
  editingTeamId: string | null,
): PersonOption[] {
  const ledTeam = new Map(
    activeTeams
      .filter((team) => team.id !== editingTeamId)
      .map((team) => [team.leader.id, team.name]),
  );
  return leads.map((lead) => {
    const teamName = ledTeam.get(lead.id);
    return {
      id: lead.id,
      name: `${lead.firstName} ${lead.lastName}`,
      note: teamName ? `leads ${teamName}` : null,
      disabled: teamName !== undefined,
    };
  });
}
