import { LevelBadge } from '../check-in/level-badge.tsx';
import { Badge } from '../ui/badge.tsx';
import { describeMemberToday } from './member-status.ts';
import type { MemberToday } from './team-types.ts';

/** Today's status of one member: words, the readiness when checked in, and when. */
export function MemberTodayCell({
  today,
  timeZone,
  pastDay = false,
}: {
  today: MemberToday;
  timeZone: string;
  /** A past day's status (a roster as of a date), not today's. */
  pastDay?: boolean;
}) {
  const view = describeMemberToday(today, timeZone, { pastDay });
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={view.tone}>{view.label}</Badge>
        {today.status === 'checked_in' && (
          <span className="inline-flex items-center gap-1.5">
            <span className="font-semibold text-slate-900 tabular-nums">
              {today.readinessScore}
            </span>
            <LevelBadge level={today.level} />
          </span>
        )}
      </div>
      {view.detail && <p className="text-xs text-slate-500">{view.detail}</p>}
    </div>
  );
}
