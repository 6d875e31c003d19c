import type { Incident, ReadTx } from '@aegira/db';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../actor.ts';

/**
 * Who reads and acts on incidents (product.md "Incidents and cases"): WHS reads
 * and reviews everything; everyone else reads only the reports they made;
 * admins see counts and the audit trail, never content.
 */
export function requireWhs(actor: Actor): void {
  if (actor.role !== 'WHS') {
    throw new AppError('FORBIDDEN', 'Only a WHS officer can do this with incidents and cases.');
  }
}

export function incidentNotFound(): AppError {
  return new AppError('NOT_FOUND', 'No incident with that id in your company.');
}

/** The incident, if the actor may read it (WHS: any; others: their own report). */
export async function readableIncident(
  read: ReadTx,
  actor: Actor,
  incidentId: string,
): Promise<Incident> {
  const incident = await read.incident.findUnique({ where: { id: incidentId } });
  // Someone else's report reads as missing: its existence is content too.
  if (!incident || (actor.role !== 'WHS' && incident.reporterId !== actor.personId)) {
    throw incidentNotFound();
  }
  return incident;
}

/** The company's time zone: every incident date is shown in it. */
export async function companyTimeZone(read: ReadTx, companyId: string): Promise<string> {
  const company = await read.company.findUniqueOrThrow({
    where: { id: companyId },
    select: { timezone: true },
  });
  return company.timezone;
}

/** Refuses an assignee who is not an active WHS officer of the company. */
export async function requireActiveOfficer(
  read: ReadTx,
  personId: string,
  field: string,
): Promise<void> {
  const officer = await read.person.findUnique({
    where: { id: personId },
    select: { role: true, isActive: true },
  });
  if (officer?.role !== 'WHS' || !officer.isActive) {
    const message = 'must be an active WHS officer of your company';
    throw new AppError('VALIDATION_FAILED', `${field}: ${message}`, {
      fieldErrors: { [field]: [message] },
    });
  }
}
