import { router } from '../../trpc/init.ts';
import { listJobRunsProcedure } from './list-job-runs.ts';

export const jobsRouter = router({ runs: listJobRunsProcedure });
