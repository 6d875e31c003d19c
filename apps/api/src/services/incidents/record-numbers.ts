import type { ReadTx } from '@aegira/db';

/**
 * The next incident or case number of a company: one more than the last, read from
 * record_sequences (state the projections write, so replay rebuilds it). A
 * per-company, per-kind advisory lock held until commit makes concurrent reports
 * take turns: the second reads the sequence only after the first has committed
 * its number, so numbers have no gaps and no duplicates (docs/decisions/024).
 * The row may not exist yet (the first incident creates it), so a row lock could
 * not serialise the first two reports; the advisory lock can.
 */
export async function nextRecordNumber(
  read: ReadTx,
  companyId: string,
  kind: 'incident' | 'case',
): Promise<number> {
  // Selected through a subquery: the lock function returns void, which a raw query cannot map.
  await read.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`record-number:${kind}:${companyId}`}))) AS lock`;
  const sequence = await read.recordSequence.findUnique({ where: { id: companyId } });
  const last =
    kind === 'incident' ? (sequence?.lastIncidentNumber ?? 0) : (sequence?.lastCaseNumber ?? 0);
  return last + 1;
}
