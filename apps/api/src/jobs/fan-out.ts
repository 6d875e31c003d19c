import { type Db, listCompaniesToSchedule } from '@aegira/db';
import type PgBoss from 'pg-boss';
import type { CompanyJob } from './company-jobs.ts';
import { slotOptions } from './schedule.ts';

/** The data of a per-company job. */
export interface CompanyJobData {
  companyId: string;
}

/**
 * Sends each active company one job of each kind for the current slot, keyed by the company:
 * a second fan-out in the same slot (another instance, a retry) inserts nothing new. Listing
 * companies is the one cross-tenant read (app_list_companies); each job then binds its company.
 */
export async function fanOutCompanyJobs(
  db: Db,
  boss: Pick<PgBoss, 'insert'>,
  jobs: readonly CompanyJob[],
): Promise<{ companies: number }> {
  const companies = await listCompaniesToSchedule(db);
  const inserts: PgBoss.JobInsert<CompanyJobData>[] = companies.flatMap(({ companyId }) =>
    jobs.map((job) => ({
      name: job.queue,
      data: { companyId },
      ...slotOptions(companyId, job.slotSeconds),
    })),
  );
  // One statement for every company; pg-boss skips the (queue, slot, company) already there.
  if (inserts.length > 0) await boss.insert(inserts);
  return { companies: companies.length };
}
