import { formatLocalDate } from '../check-in/format.ts';
import { rollCall } from './member-status.ts';
import type { TeamDetail } from './team-types.ts';

/** "3 of 5 checked in · Mon, 2 Mar 2026" — the team's day in one line. */
export function RollCallSummary({ detail }: { detail: TeamDetail }) {
  const todays = detail.members.map((member) => member.today);
  if (todays.every((today) => today === null)) return null;
  const { checkedIn, expected } = rollCall(todays);
  return (
    <p className="text-sm text-slate-700">
      <span className="font-semibold text-slate-900">
        {expected === 0
          ? 'Nobody is expected to check in'
          : `${checkedIn} of ${expected} checked in`}
      </span>{' '}
      · {formatLocalDate(detail.localDate, 'long')}
    </p>
  );
}
