import { AUDIT_ACTIONS, ENTITY_TYPES, EVENT_TYPES } from '@aegira/events';
import { z } from 'zod';

const actorOutput = z.object({ id: z.uuid(), name: z.string() }).nullable();

/** The audit log's filters: the list's input and the CSV export's query string share them. */
export const auditFilterFields = {
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: z.uuid('must be a person id').optional(),
  entityType: z.enum(ENTITY_TYPES).optional(),
  entityId: z.uuid('must be an id').optional(),
  from: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional(),
  to: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional(),
};

/** An instant range's end (`to`) must not come before its start (`from`). */
export const rangeInOrder = (input: { from?: string | undefined; to?: string | undefined }) =>
  !input.from || !input.to || input.from <= input.to;
export const rangeOutOfOrder = { message: 'must not be before "from"', path: ['to'] };

export const auditListInput = z
  .strictObject({
    ...auditFilterFields,
    cursor: z.uuid('must be a cursor from a previous page').optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .refine(rangeInOrder, rangeOutOfOrder);

export const auditListOutput = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      action: z.enum(AUDIT_ACTIONS),
      entityType: z.string(),
      entityId: z.uuid(),
      eventId: z.uuid(),
      actor: actorOutput,
      details: z.json(),
      createdAt: z.iso.datetime(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const entityEventsInput = z.strictObject({
  entityType: z.enum(ENTITY_TYPES),
  entityId: z.uuid('must be an id'),
  // A log position (a bigint): at most 18 digits, so it always fits the column (BI-5).
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'must be a cursor from a previous page')
    .optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const entityEventsOutput = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      type: z.enum(EVENT_TYPES),
      position: z.string(),
      actor: actorOutput,
      payload: z.json(),
      schemaVersion: z.number().int(),
      createdAt: z.iso.datetime(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
