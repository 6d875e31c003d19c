import { dateColumn, localDateOf, readStoredPayloads, sqlOf, withTenant } from '@aegira/db';
import type { EventPayload } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import { readableCheckInFilter } from '../access-policy.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { type AsOfRequest, resolveAsOf } from '../as-of/resolve-as-of.ts';
import { leavesCovering } from '../leave/leave-queries.ts';
import { checkInAsOf } from './check-in-as-of.ts';
import { type CheckInDto, checkInVersionDto, toCheckInDto } from './check-in-dto.ts';
import { loadWorkerDay } from './worker-day.ts';

export interface CheckInStatus {
  localDate: string;
  timeZone: string;
  status: 'holiday' | 'non_work_day' | 'before_window' | 'open' | 'closed_late_allowed';
  isWorkDay: boolean;
  holidayName: string | null;
  window: { start: string; end: string };
  windowOpen: boolean;
  alreadyCheckedIn: boolean;
  canCheckIn: boolean;
  /** One sentence for the person, e.g. "Check-in opens at 06:00". */
  message: string;
  /** Set when a check-in is not possible for a reason other than the day (no team, inactive team). */
  blockedReason: string | null;
  /** Leave covering today: no check-in is expected, though one is still accepted. */
  onLeave: {
    leaveId: string;
    type: 'ANNUAL' | 'SICK' | 'OTHER';
    startDate: string;
    endDate: string;
  } | null;
  checkIn: CheckInDto | null;
}

function onLeaveMessage(endDate: string, canCheckIn: boolean): string {
  const leave = `You are on leave today (until ${endDate}), so no check-in is expected`;
  return canCheckIn ? `${leave}; you can still check in.` : `${leave}.`;
}

/**
 * Where today stands for the signed-in person, evaluated on one clock reading.
 * On a transfer's day it already judges by the new team, and writes nothing.
 */
export async function checkInStatus(deps: ServiceDeps, actor: Actor): Promise<CheckInStatus> {
  const now = deps.now?.() ?? new Date();
  return withTenant(deps.db, actor.companyId, async (read) => {
    const worker = await loadWorkerDay(sqlOf(read), actor.personId, now);
    const { day, evaluation } = worker;
    const row = await read.checkIn.findFirst({
      where: { personId: actor.personId, localDate: dateColumn(day.localDate) },
    });
    const blocked =
      !evaluation.allowed &&
      ['NO_TEAM', 'TEAM_INACTIVE', 'PERSON_INACTIVE'].includes(evaluation.code);
    const leave = (await leavesCovering(read, [actor.personId], day.localDate)).get(actor.personId);
    const onLeave = leave
      ? {
          leaveId: leave.id,
          type: leave.type,
          startDate: localDateOf(leave.startDate),
          endDate: localDateOf(leave.endDate),
        }
      : null;
    let message = day.message;
    if (row) message = `You checked in today with a readiness score of ${row.readinessScore}.`;
    else if (!evaluation.allowed) message = evaluation.message;
    // Leave does not block a check-in; it only means none is expected.
    if (!row && onLeave) message = onLeaveMessage(onLeave.endDate, evaluation.allowed);
    return {
      localDate: day.localDate,
      timeZone: worker.timeZone,
      status: day.status,
      isWorkDay: day.status !== 'non_work_day' && day.status !== 'holiday',
      holidayName: day.holidayName,
      window: { start: day.windowOpensAt, end: day.windowClosesAt },
      windowOpen: day.status === 'open',
      alreadyCheckedIn: row !== null,
      canCheckIn: row === null && evaluation.allowed,
      message,
      blockedReason: blocked && !evaluation.allowed ? evaluation.code : null,
      onLeave,
      checkIn: row ? toCheckInDto(row) : null,
    };
  });
}

/** The signed-in person's check-in for today, or null. */
export async function todayCheckIn(deps: ServiceDeps, actor: Actor): Promise<CheckInDto | null> {
  return (await checkInStatus(deps, actor)).checkIn;
}

export interface HistoryRequest {
  personId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * Check-ins newest first, by cursor (the id of the last item seen). Reading
 * someone else's history goes through the access policy; what is not readable
 * is simply absent.
 */
export async function checkInHistory(deps: ServiceDeps, actor: Actor, request: HistoryRequest) {
  return withTenant(deps.db, actor.companyId, async (read) => {
    const readable = await readableCheckInFilter(read, actor);
    const rows = await read.checkIn.findMany({
      where: { AND: [readable, { personId: request.personId ?? actor.personId }] },
      orderBy: [{ localDate: 'desc' }, { id: 'desc' }],
      take: request.limit + 1,
      ...(request.cursor ? { cursor: { id: request.cursor }, skip: 1 } : {}),
    });
    const page = rows.slice(0, request.limit);
    return {
      items: page.map(toCheckInDto),
      nextCursor: rows.length > request.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}

/**
 * One check-in with every version it went through (from its events), if the actor may
 * read it; as of a point in the past, as it was then (asOf never widens who may read it).
 */
export async function getCheckIn(deps: ServiceDeps, actor: Actor, id: string, asOf?: AsOfRequest) {
  return withTenant(deps.db, actor.companyId, async (read) => {
    const readable = await readableCheckInFilter(read, actor);
    const row = await read.checkIn.findFirst({ where: { AND: [readable, { id }] } });
    if (!row) throw new AppError('NOT_FOUND', 'No check-in with that id is visible to you.');
    if (asOf) {
      const entity = { entityType: 'check_in', entityId: row.id } as const;
      return checkInAsOf(read, row.id, await resolveAsOf(read, actor, asOf, entity));
    }
    const events = await read.event.findMany({
      where: { entityType: 'check_in', entityId: id },
      orderBy: { position: 'asc' },
    });
    const opened = await readStoredPayloads(read, events);
    const versions = opened.flatMap((event, index) => {
      if (event.type !== 'CHECK_IN_SUBMITTED' && event.type !== 'CHECK_IN_UPDATED') return [];
      // Opened and upcast to this very type (an erased one with its inputs null).
      const payload = event.payload as EventPayload<typeof event.type>;
      return [checkInVersionDto(index + 1, event.type, payload, event.createdAt)];
    });
    return { checkIn: toCheckInDto(row), versions, asOf: null };
  });
}

export interface ForDateRequest {
  date: string;
  teamId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * Every check-in of one local date the actor may read (a lead: their team; an
 * admin, WHS or an API token: the company), with who submitted it — e.g. for a
 * nightly export.
 */
export async function checkInsForDate(deps: ServiceDeps, actor: Actor, request: ForDateRequest) {
  return withTenant(deps.db, actor.companyId, async (read) => {
    const readable = await readableCheckInFilter(read, actor);
    const rows = await read.checkIn.findMany({
      where: {
        AND: [
          readable,
          { localDate: dateColumn(request.date) },
          request.teamId ? { teamId: request.teamId } : {},
        ],
      },
      orderBy: { id: 'asc' },
      take: request.limit + 1,
      ...(request.cursor ? { cursor: { id: request.cursor }, skip: 1 } : {}),
    });
    const page = rows.slice(0, request.limit);
    const people = await read.person.findMany({
      where: { id: { in: page.map((row) => row.personId) } },
      select: { id: true, firstName: true, lastName: true, email: true },
    });
    const byId = new Map(people.map((person) => [person.id, person]));
    return {
      items: page.map((row) => {
        const person = byId.get(row.personId);
        return {
          ...toCheckInDto(row),
          person: {
            id: row.personId,
            name: person ? `${person.firstName} ${person.lastName}` : 'Unknown person',
            email: person?.email ?? '',
          },
        };
      }),
      nextCursor: rows.length > request.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}
