import { z } from 'zod';
import { type EntityType, EVENT_ENTITY, EVENT_TYPES, type EventType } from './event-types.ts';
import { eventPayloadSchemas } from './payloads.ts';

export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

/** Bumped when a type's payload shape changes; stored on every event row. */
export const EVENT_SCHEMA_VERSION: { readonly [K in EventType]: number } = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, 1]),
) as { readonly [K in EventType]: number };

/** An event as the domain sees it: its type and a payload that matches that type. */
export type EventOf<T extends EventType> = { type: T; payload: EventPayload<T> };
export type AnyEvent = { [K in EventType]: EventOf<K> }[EventType];

/** The discriminated union of every (type, payload) pair. */
export const anyEventSchema = z.discriminatedUnion(
  'type',
  EVENT_TYPES.map((type) =>
    z.strictObject({ type: z.literal(type), payload: eventPayloadSchemas[type] }),
  ) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<EventType>; payload: z.ZodType }>,
    ...z.ZodObject<{ type: z.ZodLiteral<EventType>; payload: z.ZodType }>[],
  ],
);

export class InvalidEventPayloadError extends Error {
  constructor(
    readonly type: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super(
      `Invalid ${type} payload: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
    );
    this.name = 'InvalidEventPayloadError';
  }
}

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * Validate a payload against its type's schema; throws InvalidEventPayloadError
 * for a mismatch or an unknown type, so nothing invalid reaches the database.
 */
export function parseEventPayload<T extends EventType>(type: T, payload: unknown): EventPayload<T> {
  if (!isEventType(type)) {
    throw new InvalidEventPayloadError(String(type), [
      { path: 'type', message: 'unknown event type' },
    ]);
  }
  const result = eventPayloadSchemas[type].safeParse(payload);
  if (!result.success) {
    throw new InvalidEventPayloadError(
      type,
      result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return result.data as EventPayload<T>;
}

export function entityTypeOf(type: EventType): EntityType {
  return EVENT_ENTITY[type];
}
