import {
  type Db,
  dateColumn,
  event,
  executeCommand,
  localDateOf,
  type ReadTx,
  withTenant,
} from '@aegira/db';
import { EventType } from '@aegira/events';
import { NothingChanged } from '../no-changes.ts';
import { companyToday } from '../people/person-rules.ts';

/**
 * Completes every pending transfer of the company whose day has come
 * (TEAM_TRANSFER_COMPLETED, by the system). Reads never call this: they compute
 * the team of a date (services/teams/membership.ts, docs/decisions/009). Commands
 * call it at their start, before their own transaction opens, so the rows they
 * judge and lock already show today's teams; a scheduler will take this over.
 * Idempotent and safe under concurrency. Returns how many it completed.
 */
export async function applyDueTransfers(db: Db, companyId: string, now: Date): Promise<number> {
  const todayOf = (read: ReadTx) => companyToday(read, companyId, now);
  // A read first: most commands find nothing due and open no write transaction.
  const anyDue = await withTenant(db, companyId, async (read) => {
    const due = await read.teamTransfer.findFirst({
      where: { status: 'PENDING', effectiveOn: { lte: dateColumn(await todayOf(read)) } },
      select: { id: true },
    });
    return due !== null;
  });
  if (!anyDue) return 0;
  try {
    const completed = await executeCommand(
      db,
      // Nobody acts: the transfers take effect because their day came.
      { companyId, actorId: null },
      async (read) => {
        const today = await todayOf(read);
        // Racing completions (and a cancellation or a team deactivation) queue on
        // these locks, taken in one order; whoever comes second no longer sees
        // the rows as pending, since FOR UPDATE re-checks them once it has waited.
        const locked = await read.$queryRaw<Array<{ id: string }>>`
          SELECT id FROM team_transfers
          WHERE status = 'PENDING' AND effective_on <= ${today}::date
          ORDER BY id FOR UPDATE`;
        if (locked.length === 0) throw new NothingChanged();
        const due = await read.teamTransfer.findMany({
          where: { id: { in: locked.map((row) => row.id) }, status: 'PENDING' },
          orderBy: [{ effectiveOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
        });
        return due.map((transfer) =>
          event(EventType.TEAM_TRANSFER_COMPLETED, {
            transferId: transfer.id,
            personId: transfer.personId,
            fromTeamId: transfer.fromTeamId,
            toTeamId: transfer.toTeamId,
            effectiveOn: localDateOf(transfer.effectiveOn),
            completedAt: now.toISOString(),
          }),
        );
      },
    );
    return completed.length;
  } catch (error) {
    if (error instanceof NothingChanged) return 0;
    throw error;
  }
}
