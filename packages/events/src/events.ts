import { z } from 'zod';
import { EVENT_TYPES, type EventType } from './event-types.ts';
import { InvalidEventPayloadError, payloadIssues } from './invalid-event-payload-error.ts';
import { eventPayloadSchemas } from './payloads.ts';

/** A payload in the current version of its type; older stored versions are upcast to it. */
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

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

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** Refuses a type that is not in the enum: callers may hold strings read from outside. */
export function assertEventType(type: string): asserts type is EventType {
  if (!isEventType(type)) {
    throw new InvalidEventPayloadError(String(type), [
      { path: 'type', message: 'unknown event type' },
    ]);
  }
}

/**
 * Validate a NEW payload against its type's current schema; throws
 * InvalidEventPayloadError for a mismatch or an unknown type, so nothing
 * invalid reaches the database. Stored payloads go through upcastPayload.
 */
export function parseEventPayload<T extends EventType>(type: T, payload: unknown): EventPayload<T> {
  assertEventType(type);
  const result = eventPayloadSchemas[type].safeParse(payload);
  if (!result.success) {
    throw new InvalidEventPayloadError(type, payloadIssues(result.error));
  }
  return result.data as EventPayload<T>;
}
