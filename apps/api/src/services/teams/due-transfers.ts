import {
  type Db,
  executeCommand,
  localDateOf,
  projectTeamTransferCompleted,
  withTenant,
} from '@aegira/db';
import { addDays, toLocalTime } from '@aegira/domain';
import { EventType } from '@aegira/events';
import { NothingChanged } from '../no-changes.ts';

/**
 * Completes every pending transfer of the company whose day has come
 * (docs/decisions/005-team-transfers.md). Called at the start of each read and
 * write that depends on a person's team, before its own transaction opens, so
 * a read on the effective day already sees the new team without any job having
 * run. Idempotent and safe under concurrency: each completion locks its
 * transfer row and re-checks that it is still pending. Returns how many it
 * completed.
 */
export async function applyDueTransfers(db: Db, companyId: string, now: Date): Promise<number> {
  // Any company's local date is at most one day after the UTC date, so this
  // bound finds every candidate in one query; the company's own date decides.
  const latest = addDays(now.toISOString().slice(0, 10), 1);
  const candidates = await withTenant(
    db,
    companyId,
    (tx) =>
      tx.$queryRaw<Array<{ id: string; effective_on: string; timezone: string }>>`
      SELECT t.id, t.effective_on::text AS effective_on, c.timezone
      FROM team_transfers t JOIN companies c ON c.id = t.company_id
      WHERE t.status = 'PENDING' AND t.effective_on <= ${latest}::date
      ORDER BY t.effective_on, t.created_at`,
  );
  let completed = 0;
  for (const candidate of candidates) {
    const today = toLocalTime(now, candidate.timezone).date;
    if (candidate.effective_on > today) continue;
    if (await completeTransfer(db, companyId, candidate.id, now)) completed += 1;
  }
  return completed;
}

/** TEAM_TRANSFER_COMPLETED by the system; false when another request got there first. */
async function completeTransfer(
  db: Db,
  companyId: string,
  transferId: string,
  now: Date,
): Promise<boolean> {
  try {
    await executeCommand(
      db,
      // Nobody acts: the transfer takes effect because its day came.
      { companyId, actorId: null },
      async (tx) => {
        // Concurrent completions (and a cancellation or a team deactivation)
        // queue on this lock; whoever comes second sees the new status.
        await tx.$queryRaw`SELECT id FROM team_transfers WHERE id = ${transferId}::uuid FOR UPDATE`;
        const transfer = await tx.teamTransfer.findUnique({ where: { id: transferId } });
        if (transfer?.status !== 'PENDING') throw new NothingChanged();
        return {
          type: EventType.TEAM_TRANSFER_COMPLETED,
          entityId: transfer.personId,
          payload: {
            transferId: transfer.id,
            personId: transfer.personId,
            fromTeamId: transfer.fromTeamId,
            toTeamId: transfer.toTeamId,
            effectiveOn: localDateOf(transfer.effectiveOn),
            completedAt: now.toISOString(),
          },
        };
      },
      (scope) => projectTeamTransferCompleted(scope.tx, scope.event),
    );
    return true;
  } catch (error) {
    if (error instanceof NothingChanged) return false;
    throw error;
  }
}
