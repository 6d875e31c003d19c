import { z } from 'zod';
import { type FieldMark, fieldMarks } from './field-marks.ts';

// Redaction and secret removal walk the payload schema, so the marks on its
// fields are the only source of what is secret or sensitive: no key lists.

export type Schema = z.core.$ZodType;

/** Schemas that only wrap a field (optional, nullable, partial, …): the mark may sit on either side. */
function innerOf(schema: Schema): Schema | undefined {
  if (
    schema instanceof z.core.$ZodOptional ||
    schema instanceof z.core.$ZodNullable ||
    schema instanceof z.core.$ZodDefault ||
    schema instanceof z.core.$ZodPrefault ||
    schema instanceof z.core.$ZodNonOptional ||
    schema instanceof z.core.$ZodReadonly ||
    schema instanceof z.core.$ZodCatch
  ) {
    return schema._zod.def.innerType;
  }
  return undefined;
}

// Kinds with nothing inside them that could carry a mark.
const LEAF_KINDS: ReadonlySet<string> = new Set([
  'string',
  'number',
  'int',
  'boolean',
  'bigint',
  'symbol',
  'null',
  'undefined',
  'void',
  'never',
  'any',
  'unknown',
  'date',
  'file',
  'enum',
  'literal',
  'nan',
  'template_literal',
]);

/** The mark of a field, looking through the wrappers it may sit in. */
export function markOf(schema: Schema): FieldMark | undefined {
  const own = fieldMarks.get(schema)?.mark;
  if (own !== undefined) return own;
  const inner = innerOf(schema);
  return inner === undefined ? undefined : markOf(inner);
}

function unwrap(schema: Schema): Schema {
  const inner = innerOf(schema);
  return inner === undefined ? schema : unwrap(inner);
}

export type Node =
  | { kind: 'object'; shape: Readonly<Record<string, Schema>> }
  | { kind: 'array'; element: Schema }
  | { kind: 'leaf' };

/**
 * What a (wrapper-free) schema contains. A kind the walk does not understand
 * (union, record, pipe, …) throws instead of being skipped: skipping could let
 * a marked field inside it through unredacted.
 */
export function nodeOf(schema: Schema): Node {
  const core = unwrap(schema);
  if (core instanceof z.core.$ZodObject) return { kind: 'object', shape: core._zod.def.shape };
  if (core instanceof z.core.$ZodArray) return { kind: 'array', element: core._zod.def.element };
  const kind = core._zod.def.type;
  if (LEAF_KINDS.has(kind)) return { kind: 'leaf' };
  throw new Error(`Field marks cannot look inside a ${kind} schema; teach schema-walk.ts first`);
}

export type MarkedField = { path: string; mark: FieldMark };

/** Every marked field of a schema, with its dotted path (`[]` for array elements). */
export function collectMarks(schema: Schema, path = ''): MarkedField[] {
  const mark = markOf(schema);
  if (mark !== undefined) return [{ path, mark }];
  const node = nodeOf(schema);
  switch (node.kind) {
    case 'object':
      return Object.entries(node.shape).flatMap(([key, field]) =>
        collectMarks(field, path === '' ? key : `${path}.${key}`),
      );
    case 'array':
      return collectMarks(node.element, `${path}[]`);
    case 'leaf':
      return [];
  }
}

/** Returned by a replacer to drop the field altogether. */
export const REMOVE_FIELD: unique symbol = Symbol('remove field');

export type MarkReplacer = (mark: FieldMark, value: unknown) => unknown;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of `value` in which every marked field is passed through `replace`.
 * Expects a value already valid for `schema`. Keys the schema does not know
 * are dropped: nothing says they are harmless.
 */
export function replaceMarked(schema: Schema, value: unknown, replace: MarkReplacer): unknown {
  const mark = markOf(schema);
  if (mark !== undefined) return replace(mark, value);
  const node = nodeOf(schema);
  // null or undefined of a nullable/optional container: nothing inside to replace.
  if (node.kind === 'object' && isRecord(value)) {
    const entries: Array<[string, unknown]> = [];
    for (const [key, fieldValue] of Object.entries(value)) {
      const field = node.shape[key];
      if (field === undefined) continue;
      const replaced = replaceMarked(field, fieldValue, replace);
      if (replaced !== REMOVE_FIELD) entries.push([key, replaced]);
    }
    return Object.fromEntries(entries);
  }
  if (node.kind === 'array' && Array.isArray(value)) {
    return value
      .map((item: unknown) => replaceMarked(node.element, item, replace))
      .filter((item) => item !== REMOVE_FIELD);
  }
  return value;
}
