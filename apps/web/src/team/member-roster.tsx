import type { ReactNode } from 'react';
import { formatLocalDate } from '../check-in/format.ts';
import { DataTable, rowClassName, tdClassName, thClassName } from '../ui/table.tsx';
import { MemberTodayCell } from './member-today-cell.tsx';
import type { TeamMember } from './team-types.ts';

type MemberRosterProps = {
  caption: string;
  members: readonly TeamMember[];
  timeZone: string;
  /** The member's name, as a link where the viewer has a page for people. */
  renderName?: (member: TeamMember) => ReactNode;
  /** Extra per-member content, e.g. a pending move with its cancel button. */
  renderMove?: (member: TeamMember) => ReactNode;
  /** The status column's heading: "Today", or the past date a roster as of then shows. */
  dayHeading?: string;
  /** The roster of a past state: statuses read as that day's, not as today's. */
  pastDay?: boolean;
};

/** The team's members with today's check-in status, one row each. */
export function MemberRoster({
  caption,
  members,
  timeZone,
  renderName = (member) => member.name,
  renderMove,
  dayHeading = 'Today',
  pastDay = false,
}: MemberRosterProps) {
  const showToday = members.some((member) => member.today !== null);
  return (
    <DataTable
      caption={caption}
      head={
        <tr>
          <th scope="col" className={thClassName}>
            Name
          </th>
          {showToday && (
            <th scope="col" className={thClassName}>
              {dayHeading}
            </th>
          )}
          <th scope="col" className={`${thClassName} hidden sm:table-cell`}>
            Member since
          </th>
          {renderMove && (
            <th scope="col" className={thClassName}>
              Team move
            </th>
          )}
        </tr>
      }
    >
      {members.map((member) => (
        <tr key={member.id} className={rowClassName}>
          <td className={tdClassName}>
            <span className="font-medium text-slate-900">{renderName(member)}</span>
            <span className="block truncate text-xs text-slate-500">{member.email}</span>
          </td>
          {showToday && (
            <td className={tdClassName}>
              {member.today ? (
                <MemberTodayCell today={member.today} timeZone={timeZone} pastDay={pastDay} />
              ) : (
                <span className="text-slate-500">Not shown</span>
              )}
            </td>
          )}
          <td className={`${tdClassName} hidden whitespace-nowrap sm:table-cell`}>
            {member.teamAssignedOn ? formatLocalDate(member.teamAssignedOn, 'long') : 'Unknown'}
          </td>
          {renderMove && <td className={tdClassName}>{renderMove(member)}</td>}
        </tr>
      ))}
    </DataTable>
  );
}
