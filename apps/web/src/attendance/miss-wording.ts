import { formatInstant } from '../admin/format-instant.ts';
import { formatWindow } from '../schedule/schedule-format.ts';
import type { BadgeTone } from '../ui/badge.tsx';
import type { Miss, MissSnapshot, MissState } from './attendance-types.ts';

export const MISS_STATES: readonly MissState[] = ['open', 'resolved', 'excused'];

export const missStateLabels: Record<MissState, string> = {
  open: 'Open',
  resolved: 'Resolved late',
  excused: 'Excused',
};

export const missStateTones: Record<MissState, BadgeTone> = {
  open: 'red',
  resolved: 'amber',
  excused: 'slate',
};

export function isMissState(value: string): value is MissState {
  return Object.hasOwn(missStateLabels, value);
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * What was true when the miss was recorded, one phrase each. Misses recorded before
 * snapshots were kept have none, and say so rather than show zeros.
 */
export function describeSnapshot(snapshot: MissSnapshot | null): string[] {
  if (snapshot === null) return ['No snapshot kept'];
  return [
    `Window ${formatWindow(snapshot.windowStart, snapshot.windowEnd)}`,
    `Streak before: ${plural(snapshot.streakBefore, 'day', 'days')}`,
    `Misses in the 30 days before: ${snapshot.missesLast30Days}`,
  ];
}

/** How the miss ended, on the company's clock: "Checked in late at …", "Excused on … by …". */
export function missOutcome(
  miss: Miss,
  timeZone: string,
  nameOf: (personId: string) => string | null,
): string | null {
  switch (miss.state) {
    case 'open':
      return null;
    case 'resolved':
      return miss.resolvedAt
        ? `Checked in late, ${formatInstant(miss.resolvedAt, timeZone)}`
        : null;
    case 'excused': {
      if (!miss.excusedAt) return null;
      const by = miss.excusedById ? nameOf(miss.excusedById) : null;
      return `Excused ${formatInstant(miss.excusedAt, timeZone)}${by ? ` by ${by}` : ''}`;
    }
    default: {
      const unreachable: never = miss.state;
      return unreachable;
    }
  }
}
