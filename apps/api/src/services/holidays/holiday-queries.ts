import { withTenant } from '@aegira/db';
import { isValidLocalDate } from '@aegira/domain';
import type { Actor, ServiceDeps } from '../actor.ts';
import { type HolidayDto, toHolidayDto } from './holiday-dto.ts';

export interface ListHolidaysRequest {
  year?: number | undefined;
  includeInactive: boolean;
}

/** Whether the holiday falls in `year`: its own year, or any year when recurring (29 Feb in leap years). */
function fallsIn(holiday: HolidayDto, year: number): boolean {
  const yyyy = String(year).padStart(4, '0');
  if (!holiday.recurring) return holiday.date.startsWith(`${yyyy}-`);
  return isValidLocalDate(`${yyyy}-${holiday.date.slice(5)}`);
}

/**
 * The company's holidays, everyone in the company may read them (they decide
 * check-in days). Active only unless asked; a year shows that year's dates and
 * every recurring holiday, in calendar order.
 */
export async function listHolidays(
  deps: ServiceDeps,
  actor: Actor,
  request: ListHolidaysRequest,
): Promise<{ items: HolidayDto[] }> {
  return withTenant(deps.db, actor.companyId, async (read) => {
    const rows = await read.holiday.findMany({
      where: request.includeInactive ? {} : { isActive: true },
      orderBy: [{ date: 'asc' }, { name: 'asc' }, { id: 'asc' }],
    });
    const all = rows.map(toHolidayDto);
    const { year } = request;
    if (year === undefined) return { items: all };
    const inYear = all.filter((holiday) => fallsIn(holiday, year));
    // Month-day order, so a recurring holiday first stored years ago sits in its place.
    inYear.sort((a, b) => a.date.slice(5).localeCompare(b.date.slice(5)));
    return { items: inYear };
  });
}
