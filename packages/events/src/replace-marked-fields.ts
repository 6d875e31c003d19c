import type { EventType } from './event-types.ts';
import type { FieldMark } from './field-marks.ts';
import { payloadSchemaOf } from './payload-versions.ts';
import { collectMarks, replaceMarked } from './schema-walk.ts';

// Exports walk millions of payloads of a few dozen (type, version) pairs.
const hasMarks = new WeakMap<object, boolean>();

/**
 * A stored payload with each marked field's value replaced by `replace(mark, value, path)`;
 * null when the payload does not match its version's schema (it is then withheld whole, never
 * shown unredacted). A (type, version) without marks comes back as it is, unparsed.
 */
export function replaceMarkedFields(
  type: EventType,
  version: number,
  payload: unknown,
  replace: (mark: FieldMark, value: unknown) => unknown,
): { payload: unknown; replaced: boolean } | null {
  const schema = payloadSchemaOf(type, version);
  let marked = hasMarks.get(schema);
  if (marked === undefined) {
    marked = collectMarks(schema).length > 0;
    hasMarks.set(schema, marked);
  }
  if (!marked) return { payload, replaced: false };
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return null;
  let replaced = false;
  const result = replaceMarked(schema, parsed.data, (mark, value) => {
    replaced = true;
    return replace(mark, value);
  });
  return { payload: replaced ? result : payload, replaced };
}
