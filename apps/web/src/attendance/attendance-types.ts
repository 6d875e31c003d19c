import type { RouterInputs, RouterOutputs } from '../trpc/types.ts';

export type Miss = RouterOutputs['missedCheckIns']['list']['items'][number];
export type MissState = Miss['state'];
export type MissSnapshot = NonNullable<Miss['snapshot']>;
export type MissListInput = RouterInputs['missedCheckIns']['list'];

export type Leave = RouterOutputs['leave']['list']['items'][number];
export type LeaveType = Leave['type'];
export type RecordLeaveInput = RouterInputs['leave']['record'];

/** Whose misses a section lists: one team's (the roster) or one worker's (their page). */
export type MissScope = { teamId: string } | { personId: string };
