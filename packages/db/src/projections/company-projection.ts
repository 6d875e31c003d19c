import type { Tx } from '../client.ts';
import type { StoredEvent } from '../write-path.ts';

export async function projectCompanyCreated(
  tx: Tx,
  event: StoredEvent<'COMPANY_CREATED'>,
): Promise<void> {
  const c = event.payload;
  await tx.company.create({
    data: { id: c.id, name: c.name, slug: c.slug, timezone: c.timezone, eventId: event.id },
  });
}
