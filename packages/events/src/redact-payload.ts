import type { EventType } from './event-types.ts';
import type { FieldMark } from './field-marks.ts';
import { InvalidEventPayloadError, payloadIssues } from './invalid-event-payload-error.ts';
import { payloadSchemaOf } from './payload-versions.ts';
import { collectMarks, REMOVE_FIELD, replaceMarked } from './schema-walk.ts';

/** What a hidden sensitive field shows instead of its value. */
export const REDACTED = '[redacted]';

export type RedactOptions = {
  /** 'hide' for readers not entitled to health or incident content. */
  sensitive: 'show' | 'hide';
};

/**
 * A copy of a stored payload fit to show: secret fields removed, sensitive ones
 * replaced by REDACTED when asked. The payload is validated against its
 * version's schema first, so the walk sees every field it knows a mark for;
 * a payload that does not match throws rather than being shown unredacted.
 */
export function redactPayload(
  type: EventType,
  version: number,
  payload: unknown,
  options: RedactOptions,
): unknown {
  const schema = payloadSchemaOf(type, version);
  const result = schema.safeParse(payload);
  if (!result.success) {
    throw new InvalidEventPayloadError(type, payloadIssues(result.error), version);
  }
  return replaceMarked(schema, result.data, (mark, value) => {
    if (mark === 'secret') return REMOVE_FIELD;
    return options.sensitive === 'hide' ? REDACTED : value;
  });
}

/** The marked fields of a (type, version), as dotted paths (`[]` for array elements). */
export function markedFields(
  type: EventType,
  version: number,
): Array<{ path: string; mark: FieldMark }> {
  return collectMarks(payloadSchemaOf(type, version));
}
