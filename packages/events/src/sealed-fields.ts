import type { EventType } from './event-types.ts';
import { payloadSchemaOf } from './payload-versions.ts';
import { markOf, nodeOf, type Schema } from './schema-walk.ts';

/**
 * Sensitive fields of a stored payload are sealed (docs/decisions/039): each is stored as null
 * and its value goes, with the others of the same event, into one encrypted string under this
 * key. The encryption itself (per-person keys) is the database package's; this module only moves
 * values in and out of the payload, by the field marks of the payload's schema.
 */
export const SEALED_FIELD = '$sealed';

/** Sealed values by dotted path (`inputs.hoursSlept`, `items.0.note`). */
type SealedValues = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A field's place in a payload: object keys, and EACH for every element of an array.
const EACH = Symbol('each element');
type Step = string | typeof EACH;

// The places of a schema's sensitive fields, worked out once per schema: walking the zod
// schema for every payload cost about 120 µs an event (measured), the path walk a few.
const pathsBySchema = new WeakMap<object, Step[][]>();
function sensitivePaths(schema: Schema): Step[][] {
  let paths = pathsBySchema.get(schema);
  if (paths === undefined) {
    const found: Step[][] = [];
    const walk = (inner: Schema, at: Step[]): void => {
      if (markOf(inner) === 'sensitive') {
        found.push(at);
        return;
      }
      const node = nodeOf(inner);
      if (node.kind === 'object') {
        for (const [key, field] of Object.entries(node.shape)) walk(field, [...at, key]);
      } else if (node.kind === 'array') {
        walk(node.element, [...at, EACH]);
      }
    };
    walk(schema, []);
    paths = found;
    pathsBySchema.set(schema, paths);
  }
  return paths;
}

// The node with the values at `steps` below it moved into `out` (by dotted path) and null in
// their places. Only the objects and arrays on the way to a taken value are copied, each once
// per payload (`copies`: the containers made here, changed in place by later paths); the rest
// is shared with the input, which is never changed. A structuredClone of the whole payload
// was a third of sealing's cost. No closures here: under tsx each closure made per call is
// renamed (keepNames), which cost more than the walk.
function take(
  node: unknown,
  steps: readonly Step[],
  depth: number,
  at: string,
  out: SealedValues,
  copies: Set<unknown>,
): unknown {
  const step = steps[depth];
  if (step === undefined) return node;
  if (step === EACH) {
    if (!Array.isArray(node)) return node;
    let target = node;
    for (let index = 0; index < node.length; index += 1) {
      const item: unknown = node[index];
      const path = at === '' ? String(index) : `${at}.${index}`;
      const next = takeAt(item, steps, depth + 1, path, out, copies);
      if (next !== item) {
        if (!copies.has(target)) {
          target = [...node];
          copies.add(target);
        }
        target[index] = next;
      }
    }
    return target;
  }
  if (!isRecord(node) || !(step in node)) return node;
  const value = node[step];
  const next = takeAt(value, steps, depth + 1, at === '' ? step : `${at}.${step}`, out, copies);
  if (next === value) return node;
  const target = copies.has(node) ? node : { ...node };
  copies.add(target);
  target[step] = next;
  return target;
}

// A value reached at `depth`: walked further, or (at the path's end) taken out.
function takeAt(
  value: unknown,
  steps: readonly Step[],
  depth: number,
  path: string,
  out: SealedValues,
  copies: Set<unknown>,
): unknown {
  if (depth < steps.length) return take(value, steps, depth, path, out, copies);
  if (value === null || value === undefined) return value;
  out[path] = value;
  return null;
}

/** Whether events of this type and version can carry sealed fields. */
export function canCarrySealedFields(type: EventType, version: number): boolean {
  return sensitivePaths(payloadSchemaOf(type, version)).length > 0;
}

/**
 * A valid payload of (type, version) with its sensitive values taken out: null in their
 * places and, when there were any, `$sealed: seal(JSON of the values)`. `sealed` says whether
 * anything was sealed (a payload whose sensitive fields are all empty is stored as it is).
 */
export function sealPayload(
  type: EventType,
  version: number,
  payload: unknown,
  seal: (plaintext: string) => string,
): { payload: unknown; sealed: boolean } {
  const paths = sensitivePaths(payloadSchemaOf(type, version));
  if (paths.length === 0) return { payload, sealed: false };
  const values: SealedValues = {};
  const copies = new Set<unknown>();
  let stripped = payload;
  for (const steps of paths) stripped = take(stripped, steps, 0, '', values, copies);
  if (Object.keys(values).length === 0) return { payload, sealed: false };
  return {
    payload: {
      ...(stripped as Record<string, unknown>),
      [SEALED_FIELD]: seal(JSON.stringify(values)),
    },
    sealed: true,
  };
}

/** The sealed string of a stored payload, if it has one. */
export function sealedPartOf(stored: unknown): string | null {
  if (!isRecord(stored)) return null;
  const sealed = stored[SEALED_FIELD];
  return typeof sealed === 'string' ? sealed : null;
}

// Puts `value` at `path` in `target` (a copy), copying each object or array on the way that is
// not yet a copy (`copied`): the parts of the payload no sealed value goes into stay shared.
function setAt(
  target: Record<string, unknown>,
  path: string,
  value: unknown,
  copied: Set<unknown>,
): void {
  const keys = path.split('.');
  let node: unknown = target;
  for (let index = 0; index < keys.length - 1; index += 1) {
    const key = keys[index] ?? '';
    const parent = node;
    let child: unknown = Array.isArray(parent)
      ? parent[Number(key)]
      : isRecord(parent)
        ? parent[key]
        : undefined;
    if (typeof child === 'object' && child !== null && !copied.has(child)) {
      child = Array.isArray(child) ? [...child] : { ...child };
      copied.add(child);
      if (Array.isArray(parent)) parent[Number(key)] = child;
      else (parent as Record<string, unknown>)[key] = child;
    }
    node = child;
  }
  const last = keys[keys.length - 1] ?? '';
  if (Array.isArray(node)) node[Number(last)] = value;
  else if (isRecord(node)) node[last] = value;
  else throw new Error(`Sealed field ${path} has no place in its payload`);
}

/**
 * A stored payload made readable: without `$sealed`, and with the sealed values back in their
 * places when `open` can decrypt them. When it cannot (the person's key was destroyed) the
 * sensitive fields stay null and `erased` is true. A payload with nothing sealed comes back as is.
 */
export function openPayload(
  stored: unknown,
  open: (sealed: string) => string | null,
): { payload: unknown; erased: boolean } {
  const sealed = sealedPartOf(stored);
  if (sealed === null || !isRecord(stored)) return { payload: stored, erased: false };
  // A shallow copy without the sealed part; `stored` is never changed. Only the objects on the
  // way to a sealed value are copied below (a structuredClone of the whole payload and a rest
  // pattern with a computed key cost ~10 µs an event in a rebuild, the copies ~1).
  const payload: Record<string, unknown> = {};
  for (const key of Object.keys(stored)) if (key !== SEALED_FIELD) payload[key] = stored[key];
  const plaintext = open(sealed);
  if (plaintext === null) return { payload, erased: true };
  const values = JSON.parse(plaintext) as SealedValues;
  const copied = new Set<unknown>([payload]);
  for (const path of Object.keys(values)) setAt(payload, path, values[path], copied);
  return { payload, erased: false };
}

/** What an erased sensitive field shows (its person's key was destroyed). */
export const ERASED = '[erased]';

/**
 * An erased payload (opened without its key) fit to show: each sensitive field reads ERASED,
 * secret fields are dropped. Not validated: its sensitive fields are null where the schema
 * wants values, and it was validated when it was stored.
 */
export function erasedView(
  type: EventType,
  version: number,
  payload: unknown,
  /** What an erased field shows: REDACTED for a reader who could not have seen it anyway. */
  shown: string = ERASED,
): unknown {
  const walk = (schema: Schema, value: unknown): unknown => {
    const mark = markOf(schema);
    if (mark === 'sensitive') return shown;
    const node = nodeOf(schema);
    if (node.kind === 'object' && isRecord(value)) {
      return Object.fromEntries(
        Object.entries(value).flatMap(([key, field]) => {
          const fieldSchema = node.shape[key];
          if (!fieldSchema || markOf(fieldSchema) === 'secret') return [];
          return [[key, walk(fieldSchema, field)]];
        }),
      );
    }
    if (node.kind === 'array' && Array.isArray(value)) {
      return value.map((item: unknown) => walk(node.element, item));
    }
    return value;
  };
  return walk(payloadSchemaOf(type, version), payload);
}
