import type { RouterInputs, RouterOutputs } from '../trpc/types.ts';

/** Where today stands for the signed-in person (`checkIn.status`). */
export type CheckInStatus = RouterOutputs['checkIn']['status'];
/** A stored check-in as the server returns it. */
export type CheckIn = NonNullable<RouterOutputs['checkIn']['today']>;
export type CheckInVersion = RouterOutputs['checkIn']['get']['versions'][number];
export type CheckInInput = RouterInputs['checkIn']['submit'];
export type ReadinessLevel = CheckIn['scores']['level'];

/** The factor scores both a stored check-in and the live preview (computeReadiness) carry. */
export type ReadinessScores = Pick<
  CheckIn['scores'],
  | 'hoursScore'
  | 'sleepScore'
  | 'stressScore'
  | 'physicalScore'
  | 'painScore'
  | 'readinessScore'
  | 'level'
>;
