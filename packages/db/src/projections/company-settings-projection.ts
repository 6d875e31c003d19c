import type { Tx } from '../client.ts';
import type { Company } from '../generated/prisma/client.ts';
import type { StoredEvent } from '../write-path.ts';

export async function projectCompanyUpdated(
  tx: Tx,
  event: StoredEvent<'COMPANY_UPDATED'>,
): Promise<Company> {
  const { id, changes } = event.payload;
  return tx.company.update({ where: { id }, data: { ...changes, eventId: event.id } });
}
