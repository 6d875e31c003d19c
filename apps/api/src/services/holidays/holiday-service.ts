import { randomUUID } from 'node:crypto';
import {
  type Db,
  executeCommand,
  type Holiday,
  localDateOf,
  projectHolidayCreated,
  projectHolidayDeactivated,
  projectHolidayUpdated,
  type Tx,
  withTenant,
} from '@aegira/db';
import { AuditAction, type EventPayload, EventType } from '@aegira/events';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../trpc/context.ts';
import { commandActor } from '../command-actor.ts';
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
  tx: Tx,
  companyId: string,
  candidate: { date: string; recurring: boolean },
  exceptId?: string,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`holidays:${companyId}`}))`;
  const active = await tx.holiday.findMany({
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

async function lockHoliday(tx: Tx, holidayId: string): Promise<Holiday> {
  await tx.$queryRaw`SELECT id FROM holidays WHERE id = ${holidayId}::uuid FOR UPDATE`;
  const holiday = await tx.holiday.findUnique({ where: { id: holidayId } });
  if (!holiday) throw notFound();
  if (!holiday.isActive) {
    throw new AppError('ALREADY_INACTIVE', `The holiday "${holiday.name}" is deactivated.`);
  }
  return holiday;
}

/** HOLIDAY_CREATED (+ AuditLog): a one-off date or a yearly one. */
export async function createHoliday(
  deps: { db: Db },
  actor: Actor,
  request: { date: string; name: string; recurring: boolean },
): Promise<HolidayDto> {
  const id = randomUUID();
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (tx) => {
      await refuseClash(tx, actor.companyId, request);
      return { type: EventType.HOLIDAY_CREATED, entityId: id, payload: { id, ...request } };
    },
    async (scope) => {
      await projectHolidayCreated(scope.tx, scope.event);
      await scope.audit({
        action: AuditAction.HOLIDAY_CREATED,
        entityType: 'holiday',
        entityId: id,
        details: { ...request },
      });
      return toHolidayDto(await scope.tx.holiday.findUniqueOrThrow({ where: { id } }));
    },
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
  deps: { db: Db },
  actor: Actor,
  request: HolidayChanges & { holidayId: string },
): Promise<HolidayDto> {
  const { holidayId, ...requested } = request;
  const command = () =>
    executeCommand(
      deps.db,
      commandActor(actor),
      async (tx) => {
        const holiday = await lockHoliday(tx, holidayId);
        const changes = changedFields(holiday, requested);
        if (Object.keys(changes).length === 0) throw new NothingChanged();
        if (changes.date !== undefined || changes.recurring !== undefined) {
          const date = changes.date ?? localDateOf(holiday.date);
          const recurring = changes.recurring ?? holiday.recurring;
          await refuseClash(tx, actor.companyId, { date, recurring }, holidayId);
        }
        return {
          type: EventType.HOLIDAY_UPDATED,
          entityId: holidayId,
          payload: { id: holidayId, changes },
        };
      },
      async (scope) => {
        const row = await projectHolidayUpdated(scope.tx, scope.event);
        await scope.audit({
          action: AuditAction.HOLIDAY_UPDATED,
          entityType: 'holiday',
          entityId: holidayId,
          details: { changes: scope.event.payload.changes },
        });
        return toHolidayDto(row);
      },
    );
  const current = () =>
    withTenant(deps.db, actor.companyId, async (tx) => {
      const row = await tx.holiday.findUnique({ where: { id: holidayId } });
      if (!row) throw notFound();
      return toHolidayDto(row);
    });
  return orCurrentIfUnchanged(command, current);
}

/** HOLIDAY_DEACTIVATED (+ AuditLog); the row stays, check-ins are allowed on that day again. */
export async function deactivateHoliday(
  deps: { db: Db },
  actor: Actor,
  request: { holidayId: string },
): Promise<HolidayDto> {
  return executeCommand(
    deps.db,
    commandActor(actor),
    async (tx) => {
      const holiday = await lockHoliday(tx, request.holidayId);
      return {
        type: EventType.HOLIDAY_DEACTIVATED,
        entityId: holiday.id,
        payload: { id: holiday.id },
      };
    },
    async (scope) => {
      const row = await projectHolidayDeactivated(scope.tx, scope.event);
      await scope.audit({
        action: AuditAction.HOLIDAY_DEACTIVATED,
        entityType: 'holiday',
        entityId: row.id,
        details: { date: localDateOf(row.date), name: row.name, recurring: row.recurring },
      });
      return toHolidayDto(row);
    },
  );
}
