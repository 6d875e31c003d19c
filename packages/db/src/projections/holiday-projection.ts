import type { Tx } from '../client.ts';
import type { StoredEvent } from '../write-path.ts';
import { dateColumn } from './dates.ts';

export async function projectHolidayCreated(
  tx: Tx,
  event: StoredEvent<'HOLIDAY_CREATED'>,
): Promise<void> {
  const h = event.payload;
  await tx.holiday.create({
    data: {
      id: h.id,
      companyId: event.companyId,
      date: dateColumn(h.date),
      name: h.name,
      recurring: h.recurring,
      eventId: event.id,
    },
  });
}
