import type { EventType } from './event-types.ts';
import type { EventPayload } from './events.ts';
import { InvalidEventPayloadError, payloadIssues } from './invalid-event-payload-error.ts';
import {
  EVENT_SCHEMA_VERSION,
  PAST_PAYLOAD_VERSIONS,
  payloadSchemaOf,
} from './payload-versions.ts';
import { eventPayloadSchemas } from './payloads.ts';

/**
 * Reads a STORED payload: validates it against the schema of the version it
 * was stored in, upcasts it one version at a time (validating each step), and
 * returns it in the current version. Throws InvalidEventPayloadError for an
 * unknown type or version, or a payload that does not match.
 */
export function upcastPayload<T extends EventType>(
  type: T,
  version: number,
  payload: unknown,
): EventPayload<T> {
  // Refuses a type or version that never existed, naming the versions that did.
  payloadSchemaOf(type, version);
  const past = PAST_PAYLOAD_VERSIONS[type] ?? [];
  let value = payload;
  for (const [index, step] of past.entries()) {
    const stepVersion = index + 1;
    if (stepVersion < version) continue;
    const result = step.schema.safeParse(value);
    if (!result.success) {
      throw new InvalidEventPayloadError(type, payloadIssues(result.error), stepVersion);
    }
    value = step.up(result.data);
  }
  const current = eventPayloadSchemas[type].safeParse(value);
  if (!current.success) {
    throw new InvalidEventPayloadError(
      type,
      payloadIssues(current.error),
      EVENT_SCHEMA_VERSION[type],
    );
  }
  return current.data as EventPayload<T>;
}
