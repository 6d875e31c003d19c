import type { RouterInputs, RouterOutputs } from '../trpc/types.ts';

export type Alert = RouterOutputs['alerts']['list']['items'][number];
export type AlertState = Alert['state'];
export type Countermeasure = Alert['countermeasures'][number];
export type CountermeasureType = Countermeasure['type'];
export type AlertListInput = RouterInputs['alerts']['list'];

/** Whose alerts a section lists: one team's (the roster) or one worker's (their page). */
export type AlertScope = { teamId: string } | { personId: string };
