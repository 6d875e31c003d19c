import { listJobRuns } from '../../services/jobs/job-runs-queries.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { jobRunsInput, jobRunsOutput } from './job-run-schemas.ts';

/** Admins see the company's scheduled job runs (detection, due transfers): newest first. */
export const listJobRunsProcedure = roleProcedure('ADMIN')
  .input(jobRunsInput)
  .output(jobRunsOutput)
  .query(({ ctx, input }) => listJobRuns(ctx.db, ctx.actor, input));
