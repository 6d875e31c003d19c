import type { Tx } from '../client.ts';
import type { StoredEvent } from '../write-path.ts';

export async function projectTeamCreated(
  tx: Tx,
  event: StoredEvent<'TEAM_CREATED'>,
): Promise<void> {
  const t = event.payload;
  await tx.team.create({
    data: {
      id: t.id,
      companyId: event.companyId,
      name: t.name,
      description: t.description,
      leaderId: t.leaderId,
      supervisorId: t.supervisorId,
      windowStart: t.windowStart,
      windowEnd: t.windowEnd,
      workDays: t.workDays,
      eventId: event.id,
    },
  });
}
