import type { RouterInputs, RouterOutputs } from '../../trpc/types.ts';

export type JobRun = RouterOutputs['jobs']['runs']['items'][number];
export type JobRunOutcome = JobRun['outcome'];
export type JobRunsInput = RouterInputs['jobs']['runs'];
