import { Link } from '../../router/link.tsx';
import { ActiveBadge } from '../../ui/badge.tsx';
import { textLinkClassName } from '../../ui/link-styles.ts';
import { DataTable, rowClassName, tdClassName, thClassName } from '../../ui/table.tsx';
import { personPath, teamPath } from '../admin-paths.ts';
import { roleLabels } from '../roles.ts';
import type { Person } from './people-types.ts';

export function PeopleTable({ people }: { people: readonly Person[] }) {
  return (
    <DataTable
      caption="People"
      head={
        <tr>
          <th scope="col" className={thClassName}>
            Name
          </th>
          <th scope="col" className={`${thClassName} hidden md:table-cell`}>
            Email
          </th>
          <th scope="col" className={`${thClassName} hidden sm:table-cell`}>
            Role
          </th>
          <th scope="col" className={`${thClassName} hidden sm:table-cell`}>
            Team
          </th>
          <th scope="col" className={thClassName}>
            Status
          </th>
        </tr>
      }
    >
      {people.map((person) => (
        <tr key={person.id} className={rowClassName}>
          <td className={tdClassName}>
            <Link to={personPath(person.id)} className={textLinkClassName}>
              {person.firstName} {person.lastName}
            </Link>
            <span className="block truncate text-xs text-slate-500 md:hidden">{person.email}</span>
            <span className="block text-xs text-slate-500 sm:hidden">
              {roleLabels[person.role]}
              {person.team && ` · ${person.team.name}`}
              {person.leads && ` · leads ${person.leads.name}`}
            </span>
          </td>
          <td className={`${tdClassName} hidden md:table-cell`}>{person.email}</td>
          <td className={`${tdClassName} hidden whitespace-nowrap sm:table-cell`}>
            {roleLabels[person.role]}
          </td>
          <td className={`${tdClassName} hidden sm:table-cell`}>
            {person.team ? (
              <Link to={teamPath(person.team.id)} className={textLinkClassName}>
                {person.team.name}
              </Link>
            ) : person.leads ? (
              <span>
                Leads{' '}
                <Link to={teamPath(person.leads.id)} className={textLinkClassName}>
                  {person.leads.name}
                </Link>
              </span>
            ) : (
              <span className="text-slate-500">No team</span>
            )}
          </td>
          <td className={tdClassName}>
            <ActiveBadge active={person.isActive} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
