import { withTenant } from '@aegira/db';
import { CASE_STATUSES } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { oneByOne } from '../one-by-one.ts';
import { INCIDENT_STATUSES } from './incident-dto.ts';
import type { IncidentStatus } from './list-incidents.ts';

type CaseStatus = (typeof CASE_STATUSES)[number];

export interface IncidentCounts {
  incidents: Record<IncidentStatus, number>;
  cases: Record<CaseStatus, number>;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** Counts per state, no content: what an admin sees of incidents (and WHS too). */
export async function incidentCounts(deps: ServiceDeps, actor: Actor): Promise<IncidentCounts> {
  if (actor.role !== 'WHS' && actor.role !== 'ADMIN') {
    throw new AppError('FORBIDDEN', 'Only WHS officers and admins see incident counts.');
  }
  return withTenant(deps.db, actor.companyId, async (read) => {
    const [incidents, cases] = await oneByOne(
      () => read.incident.groupBy({ by: ['status'], _count: { _all: true } }),
      () => read.case.groupBy({ by: ['status'], _count: { _all: true } }),
    );
    const counts = { incidents: zeros(INCIDENT_STATUSES), cases: zeros(CASE_STATUSES) };
    for (const group of incidents) counts.incidents[group.status] = group._count._all;
    for (const group of cases) counts.cases[group.status] = group._count._all;
    return counts;
  });
}
