import { Link } from '../../router/link.tsx';
import { formatWindow, formatWorkDays } from '../../schedule/schedule-format.ts';
import type { Team } from '../../team/team-types.ts';
import { textLinkClassName } from '../../ui/link-styles.ts';
import { DataTable, rowClassName, tdClassName, thClassName } from '../../ui/table.tsx';
import { personPath, teamPath } from '../admin-paths.ts';

export function TeamsTable({ teams }: { teams: readonly Team[] }) {
  return (
    <DataTable
      caption="Teams"
      head={
        <tr>
          <th scope="col" className={thClassName}>
            Team
          </th>
          <th scope="col" className={thClassName}>
            Lead
          </th>
          <th scope="col" className={`${thClassName} hidden md:table-cell`}>
            Supervisor
          </th>
          <th scope="col" className={`${thClassName} hidden lg:table-cell`}>
            Schedule
          </th>
          <th scope="col" className={`${thClassName} text-right`}>
            Members
          </th>
        </tr>
      }
    >
      {teams.map((team) => (
        <tr key={team.id} className={rowClassName}>
          <td className={tdClassName}>
            <Link to={teamPath(team.id)} className={textLinkClassName}>
              {team.name}
            </Link>
            <span className="block text-xs text-slate-500 lg:hidden">
              {formatWindow(team.windowStart, team.windowEnd)} · {formatWorkDays(team.workDays)}
            </span>
          </td>
          <td className={tdClassName}>
            <Link to={personPath(team.leader.id)} className={textLinkClassName}>
              {team.leader.name}
            </Link>
          </td>
          <td className={`${tdClassName} hidden md:table-cell`}>
            {team.supervisor ? (
              <Link to={personPath(team.supervisor.id)} className={textLinkClassName}>
                {team.supervisor.name}
              </Link>
            ) : (
              <span className="text-slate-500">None</span>
            )}
          </td>
          <td className={`${tdClassName} hidden whitespace-nowrap lg:table-cell`}>
            {formatWindow(team.windowStart, team.windowEnd)} · {formatWorkDays(team.workDays)}
          </td>
          <td className={`${tdClassName} text-right tabular-nums`}>{team.memberCount}</td>
        </tr>
      ))}
    </DataTable>
  );
}
