import type { LogCut, ReadTx } from '@aegira/db';
import { addDays, startOfLocalDate, toLocalTime } from '@aegira/domain';
import type { EntityType } from '@aegira/events';
import { z } from 'zod';
import { AppError, fieldError } from '../../errors/app-error.ts';
import type { Actor } from '../actor.ts';

export type AsOfRequest = { date: string } | { at: string } | { afterEventId: string };

/** Where a read was cut: null on a present read. */
export const asOfOutput = z
  .object({
    /** The instant of the cut: events created at or before it are in the state. */
    at: z.iso.datetime(),
    /** The log position of the cut when it is one event (afterEventId); null for a time cut. */
    position: z.string().nullable(),
  })
  .nullable();
export type AsOfDto = z.infer<typeof asOfOutput>;

/** A request resolved against the company's clock and log. */
export interface AsOf {
  cut: LogCut;
  dto: NonNullable<AsOfDto>;
  /** The company-local date of the cut: the day whose check-ins a roster shows. */
  localDate: string;
  timeZone: string;
  /** The instant the state is judged at (a member's window, say). */
  at: Date;
  /** How the cut reads in a message: "did not exist on <label>". */
  label: string;
}

const MS = 1;

/**
 * Turns an asOf request into a cut of the log. Times are judged by the database's clock,
 * which stamped every event's created_at, so "the future" means after the last event
 * that can exist. An event id must be of the caller's company (row-level security) and,
 * for anyone who does not read the whole log (only admins do), of the entity being read,
 * else it is NOT_FOUND like any id the caller may not see.
 */
export async function resolveAsOf(
  read: ReadTx,
  actor: Actor,
  request: AsOfRequest,
  entity: { entityType: EntityType; entityId: string },
): Promise<AsOf> {
  const [company] = await read.$queryRaw<Array<{ timezone: string; now: Date }>>`
    SELECT timezone, clock_timestamp() AS now FROM companies WHERE id = ${actor.companyId}::uuid`;
  if (!company) throw new AppError('NOT_FOUND', 'Your company was not found.');
  const { timezone: timeZone, now } = company;
  const today = toLocalTime(now, timeZone).date;
  if ('date' in request) {
    if (request.date > today) {
      throw fieldError(
        'asOf.date',
        `must not be in the future: today is ${today} in the company's time zone (${timeZone})`,
      );
    }
    // The end of the day: every event before the next local day starts (or now, today).
    const end = new Date(startOfLocalDate(addDays(request.date, 1), timeZone).getTime() - MS);
    const at = end < now ? end : now;
    return {
      cut: { at },
      dto: { at: at.toISOString(), position: null },
      localDate: request.date,
      timeZone,
      at,
      label: request.date,
    };
  }
  if ('at' in request) {
    const at = new Date(request.at);
    if (at > now) {
      throw fieldError('asOf.at', `must not be in the future (now is ${now.toISOString()})`);
    }
    return {
      cut: { at },
      dto: { at: at.toISOString(), position: null },
      localDate: toLocalTime(at, timeZone).date,
      timeZone,
      at,
      label: at.toISOString(),
    };
  }
  const event = await read.event.findFirst({
    where: { id: request.afterEventId },
    select: { position: true, createdAt: true, entityType: true, entityId: true },
  });
  const visible =
    event !== null &&
    (actor.role === 'ADMIN' ||
      (event.entityType === entity.entityType && event.entityId === entity.entityId));
  if (!event || !visible) {
    throw new AppError('NOT_FOUND', 'asOf.afterEventId: no event with that id is visible to you.');
  }
  const localDate = toLocalTime(event.createdAt, timeZone).date;
  return {
    cut: { position: event.position },
    dto: { at: event.createdAt.toISOString(), position: event.position.toString() },
    localDate,
    timeZone,
    at: event.createdAt,
    label: `${localDate} (after event ${request.afterEventId})`,
  };
}

/** The answer for an entity that was not there yet at the cut. */
export function didNotExist(what: string, asOf: AsOf): AppError {
  return new AppError('NOT_FOUND', `${what} did not exist on ${asOf.label}.`);
}
