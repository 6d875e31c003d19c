import { randomUUID } from 'node:crypto';
import {
  event,
  executeCommand,
  type Holiday,
  localDateOf,
  type ReadTx,
  withTenant,
} from '@aegira/db';
import { AuditAction, type EventPayload, EventType } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
import { NothingChanged, orCurrentIfUnchanged } from '../no-changes.ts';
import { type HolidayDto, toHolidayDto } from './holiday-dto.ts';

type HolidayChanges = EventPayload<'HOLIDAY_UPDATED'>['changes'];

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'No holiday with that id in your company.');
}

/**
 * Refuses a second active holiday on the same day: the same date, or two
 * recurring holidays on the same month and day. There is no unique index for
 * this rule, so a per-company advisory lock makes concurrent writes take turns.
 */
async function refuseClash(
  read: ReadTx,
  companyId: string,
  candidate: { date: string; recurring: boolean },
  exceptId?: string,
): Promise<void> {
  // Selected through a subquery: the lock function returns void, which a raw query cannot map.
  await read.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`holidays:${companyId}`}))) AS lock`;
  const active = await read.holiday.findMany({
    where: { isActive: true, ...(exceptId ? { id: { not: exceptId } } : {}) },
  });
  const clash = active.find((holiday) => {
    const date = localDateOf(holiday.date);
    const sameMonthDay = date.slice(5) === candidate.date.slice(5);
    return date === candidate.date || (holiday.recurring && candidate.recurring && sameMonthDay);
  });
  if (clash) {
    const when = clash.recurring ? `every ${localDateOf(clash.date).slice(5)}` : candidate.date;
    const message = `"${clash.name}" is already a holiday on ${when}`;
    throw new AppError('HOLIDAY_EXISTS', `date: ${message}`, { fieldErrors: { date: [message] } });
  }
}

async function lockHoliday(read: ReadTx, holidayId: string): Promise<Holiday> {
  await read.$queryRaw`SELECT id FROM holidays WHERE id = ${holidayId}::uuid FOR UPDATE`;
  const holiday = await read.holiday.findUnique({ where: { id: holidayId } });
  if (!holiday) throw notFound();
  if (!holiday.isActive) {
    throw new AppError('ALREADY_INACTIVE', `The holiday "${holiday.name}" is deactivated.`);
  }
  return holiday;
}

/** The holiday as the command left it: the `then` step of every holiday command. */
function holidayAfter(holidayId: string) {
  return async (read: ReadTx): Promise<HolidayDto> =>
    toHolidayDto(await read.holiday.findUniqueOrThrow({ where: { id: holidayId } }));
}

/** HOLIDAY_CREATED (+ AuditLog): a one-off date or a yearly one. */
export async function createHoliday(
  deps: ServiceDeps,
  actor: Actor,
  request: { date: string; name: string; recurring: boolean },
): Promise<HolidayDto> {
  const id = randomUUID();
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      await refuseClash(read, actor.companyId, request);
      return [
        event(
          EventType.HOLIDAY_CREATED,
          { id, ...request },
          { action: AuditAction.HOLIDAY_CREATED, details: { ...request } },
        ),
      ];
    },
    holidayAfter(id),
  );
}

function changedFields(holiday: Holiday, requested: HolidayChanges): HolidayChanges {
  const changes: HolidayChanges = {};
  if (requested.date !== undefined && requested.date !== localDateOf(holiday.date)) {
    changes.date = requested.date;
  }
  if (requested.name !== undefined && requested.name !== holiday.name) {
    changes.name = requested.name;
  }
  if (requested.recurring !== undefined && requested.recurring !== holiday.recurring) {
    changes.recurring = requested.recurring;
  }
  return changes;
}

/** HOLIDAY_UPDATED with the changed fields (+ AuditLog); a request that changes nothing writes nothing. */
export async function updateHoliday(
  deps: ServiceDeps,
  actor: Actor,
  request: HolidayChanges & { holidayId: string },
): Promise<HolidayDto> {
  const { holidayId, ...requested } = request;
  const command = () =>
    executeCommand(
      deps.db,
      commandActor(actor),
      async (read) => {
        const holiday = await lockHoliday(read, holidayId);
        const changes = changedFields(holiday, requested);
        if (Object.keys(changes).length === 0) throw new NothingChanged();
        if (changes.date !== undefined || changes.recurring !== undefined) {
          const date = changes.date ?? localDateOf(holiday.date);
          const recurring = changes.recurring ?? holiday.recurring;
          await refuseClash(read, actor.companyId, { date, recurring }, holidayId);
        }
        return [
          event(
            EventType.HOLIDAY_UPDATED,
            { id: holidayId, changes },
            { action: AuditAction.HOLIDAY_UPDATED, details: { changes } },
          ),
        ];
      },
      holidayAfter(holidayId),
    );
  const current = () =>
    withTenant(deps.db, actor.companyId, async (read) => {
      const row = await read.holiday.findUnique({ where: { id: holidayId } });
      if (!row) throw notFound();
      return toHolidayDto(row);
    });
  return orCurrentIfUnchanged(command, current);
}

/** HOLIDAY_DEACTIVATED (+ AuditLog); the row stays, check-ins are allowed on that day again. */
export async function deactivateHoliday(
  deps: ServiceDeps,
  actor: Actor,
  request: { holidayId: string },
): Promise<HolidayDto> {
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (read) => {
      const holiday = await lockHoliday(read, request.holidayId);
      const date = localDateOf(holiday.date);
      return [
        event(
          EventType.HOLIDAY_DEACTIVATED,
          { id: holiday.id },
          {
            action: AuditAction.HOLIDAY_DEACTIVATED,
            details: { date, name: holiday.name, recurring: holiday.recurring },
          },
        ),
      ];
    },
    holidayAfter(request.holidayId),
  );
}
