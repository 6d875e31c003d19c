import { formatLocalDate } from '../../check-in/format.ts';
import { Link } from '../../router/link.tsx';
import { formatWorkDays } from '../../schedule/schedule-format.ts';
import { textLinkClassName } from '../../ui/link-styles.ts';
import { teamPath } from '../admin-paths.ts';
import { type AsOfView, presentView, withAsOf } from '../as-of/as-of-params.ts';
import { type Fact, FactList } from '../fact-list.tsx';
import { formatInstant } from '../format-instant.ts';
import { roleLabels } from '../roles.ts';
import type { Person } from './people-types.ts';

/** "Own window 07:00–(team's) · team's work days" — what the override changes. */
export function describeOverride(override: Person['scheduleOverride']): string {
  const { windowStart, windowEnd, workDays } = override;
  if (windowStart === null && windowEnd === null && workDays.length === 0) {
    return 'The team’s schedule';
  }
  const window =
    windowStart === null && windowEnd === null
      ? 'team’s window'
      : `window ${windowStart ?? 'team’s start'}–${windowEnd ?? 'team’s end'}`;
  const days = workDays.length === 0 ? 'team’s work days' : formatWorkDays(workDays);
  return `Personal: ${window}, ${days}`;
}

export function PersonFacts({
  person,
  timeZone,
  view = presentView,
}: {
  person: Person;
  timeZone: string;
  /** A past state links teams at the same point in time. */
  view?: AsOfView;
}) {
  const teamLink = (id: string) => withAsOf(teamPath(id), view);
  const facts: Fact[] = [
    { label: 'Email', value: person.email },
    { label: 'Phone', value: person.phone ?? 'Not given' },
    { label: 'Role', value: roleLabels[person.role] },
  ];
  if (person.leads) {
    facts.push({
      label: 'Leads',
      value: (
        <Link to={teamLink(person.leads.id)} className={textLinkClassName}>
          {person.leads.name}
        </Link>
      ),
    });
  }
  if (person.role === 'WORKER' || person.team) {
    facts.push({
      label: 'Team',
      value: person.team ? (
        <>
          <Link to={teamLink(person.team.id)} className={textLinkClassName}>
            {person.team.name}
          </Link>
          {person.teamAssignedOn && (
            <span className="text-slate-500">
              {' '}
              · since {formatLocalDate(person.teamAssignedOn, 'long')}
            </span>
          )}
        </>
      ) : (
        'No team'
      ),
    });
    facts.push({ label: 'Check-in schedule', value: describeOverride(person.scheduleOverride) });
  }
  facts.push({ label: 'Added', value: formatInstant(person.createdAt, timeZone) });
  if (person.erasedAt) {
    facts.push({
      label: 'Erasure',
      value: `Health data erased on ${formatInstant(person.erasedAt, timeZone)}`,
    });
  }
  return <FactList facts={facts} />;
}
