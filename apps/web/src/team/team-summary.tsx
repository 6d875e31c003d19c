import { formatWindow, formatWorkDays } from '../schedule/schedule-format.ts';
import type { Team } from './team-types.ts';

/** Who leads the team and when it checks in, in one line. */
export function TeamSummary({ team, showLeader }: { team: Team; showLeader: boolean }) {
  const parts = [
    showLeader ? `Led by ${team.leader.name}` : null,
    `Check-in ${formatWindow(team.windowStart, team.windowEnd)}, ${formatWorkDays(team.workDays)}`,
    `${team.memberCount} ${team.memberCount === 1 ? 'member' : 'members'}`,
  ].filter((part): part is string => part !== null);
  return <p className="text-sm text-slate-600">{parts.join(' · ')}</p>;
}
