import { z } from 'zod';

/**
 * secret: credentials; never shown, exported or kept in a new event.
 * sensitive: health or incident content; shown only to readers entitled to it.
 */
export const FIELD_MARKS = ['secret', 'sensitive'] as const;
export type FieldMark = (typeof FIELD_MARKS)[number];

/**
 * A registry of its own rather than `.meta()`, so marks are typed and do not
 * leak into the JSON Schema or other consumers of zod's global registry.
 */
export const fieldMarks = z.registry<{ mark: FieldMark }>();

// Cloned before registering: marking a shared schema (say `uuid`) in place
// would mark every field that uses it.
function marked<S extends z.ZodType>(schema: S, mark: FieldMark): S {
  const copy = schema.clone();
  fieldMarks.add(copy, { mark });
  return copy;
}

/** Marks a field as a credential: removed from every view and from upcast payloads. */
export function secret<S extends z.ZodType>(schema: S): S {
  return marked(schema, 'secret');
}

/** Marks a field as health or incident content: hidden unless the reader may see it. */
export function sensitive<S extends z.ZodType>(schema: S): S {
  return marked(schema, 'sensitive');
}
