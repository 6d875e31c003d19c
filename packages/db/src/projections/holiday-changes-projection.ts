import type { Tx } from '../client.ts';
import type { Holiday } from '../generated/prisma/client.ts';
import type { StoredEvent } from '../write-path.ts';
import { dateColumn } from './dates.ts';

export async function projectHolidayUpdated(
  tx: Tx,
  event: StoredEvent<'HOLIDAY_UPDATED'>,
): Promise<Holiday> {
  const { id, changes } = event.payload;
  return tx.holiday.update({
    where: { id },
    data: {
      ...(changes.date !== undefined ? { date: dateColumn(changes.date) } : {}),
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.recurring !== undefined ? { recurring: changes.recurring } : {}),
      eventId: event.id,
    },
  });
}

export async function projectHolidayDeactivated(
  tx: Tx,
  event: StoredEvent<'HOLIDAY_DEACTIVATED'>,
): Promise<Holiday> {
  return tx.holiday.update({
    where: { id: event.payload.id },
    data: { isActive: false, eventId: event.id },
  });
}
