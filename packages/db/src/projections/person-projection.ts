import type { Tx } from '../client.ts';
import type { StoredEvent } from '../write-path.ts';
import { dateColumn } from './dates.ts';

// Projections build rows from event payloads only, so replaying a company's
// events with these functions reproduces its tables.

export async function projectPersonCreated(
  tx: Tx,
  event: StoredEvent<'PERSON_CREATED'>,
): Promise<void> {
  const p = event.payload;
  await tx.person.create({
    data: {
      id: p.id,
      companyId: event.companyId,
      email: p.email,
      firstName: p.firstName,
      lastName: p.lastName,
      role: p.role,
      passwordHash: p.passwordHash,
      teamId: p.teamId,
      teamAssignedOn: p.teamAssignedOn ? dateColumn(p.teamAssignedOn) : null,
      phone: p.phone,
      windowStart: p.windowStart,
      windowEnd: p.windowEnd,
      workDays: p.workDays,
      eventId: event.id,
    },
  });
}
