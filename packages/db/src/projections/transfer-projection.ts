import type { Tx } from '../client.ts';
import type { TeamTransfer } from '../generated/prisma/client.ts';
import type { StoredEvent } from '../write-path.ts';
import { dateColumn } from './dates.ts';

// A transfer row per TEAM_TRANSFER_INITIATED; completion and cancellation
// resolve it. Completion also moves the person, so the two rows never disagree.

export async function projectTeamTransferInitiated(
  tx: Tx,
  event: StoredEvent<'TEAM_TRANSFER_INITIATED'>,
): Promise<TeamTransfer> {
  const p = event.payload;
  return tx.teamTransfer.create({
    data: {
      id: p.transferId,
      companyId: event.companyId,
      personId: p.personId,
      fromTeamId: p.fromTeamId,
      toTeamId: p.toTeamId,
      effectiveOn: dateColumn(p.effectiveOn),
      eventId: event.id,
    },
  });
}

export async function projectTeamTransferCompleted(
  tx: Tx,
  event: StoredEvent<'TEAM_TRANSFER_COMPLETED'>,
): Promise<void> {
  const p = event.payload;
  await tx.teamTransfer.update({
    where: { id: p.transferId },
    data: { status: 'COMPLETED', resolvedAt: new Date(p.completedAt), eventId: event.id },
  });
  await tx.person.update({
    where: { id: p.personId },
    data: { teamId: p.toTeamId, teamAssignedOn: dateColumn(p.effectiveOn), eventId: event.id },
  });
}

export async function projectTeamTransferCancelled(
  tx: Tx,
  event: StoredEvent<'TEAM_TRANSFER_CANCELLED'>,
): Promise<TeamTransfer> {
  const p = event.payload;
  return tx.teamTransfer.update({
    where: { id: p.transferId },
    data: {
      status: 'CANCELLED',
      resolvedAt: new Date(p.cancelledAt),
      cancelReason: p.reason,
      eventId: event.id,
    },
  });
}
