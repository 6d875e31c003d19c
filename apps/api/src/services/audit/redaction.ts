import type { Prisma } from '@aegira/db';
import {
  ERASED,
  type EventType,
  erasedView,
  type FieldMark,
  markedFields,
  REDACTED,
  redactPayload,
} from '@aegira/events';
import type { SensitiveFields } from './field-visibility.ts';

// What readers of the trail see is derived from the field marks of the event
// schemas (packages/events): secret fields never, sensitive fields only when
// the reader is entitled to them. There is no list of key names here.

/** Plain JSON (Prisma's own JsonObject allows undefined members, which JSON cannot carry). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Narrows a value read from a JSON column (and redacted) back to JSON; anything else is a bug. */
function asJson(value: unknown): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.map(asJson);
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asJson(inner)]));
  }
  throw new Error(`Not a JSON value: ${typeof value}`);
}

/**
 * A stored payload, opened (KeyRing.open), as one reader may see it, in the version it was
 * stored in. An erased one shows its sensitive fields as erased, or as redacted to a reader who
 * could not have seen them anyway.
 */
export function shownPayload(
  type: EventType,
  schemaVersion: number,
  opened: { payload: unknown; erased: boolean },
  sensitive: SensitiveFields,
): Json {
  if (opened.erased) {
    // Whether something was erased is itself about the person's health record.
    return asJson(
      erasedView(type, schemaVersion, opened.payload, sensitive === 'hide' ? REDACTED : ERASED),
    );
  }
  return asJson(redactPayload(type, schemaVersion, opened.payload, { sensitive }));
}

/** Whether the events of (type, version) have any field only entitled readers see. */
export function hasSensitiveFields(type: EventType, schemaVersion: number): boolean {
  return markedFields(type, schemaVersion).some((field) => field.mark === 'sensitive');
}

const REMOVE = Symbol('remove');
type Step = { kind: 'key'; key: string } | { kind: 'each' };

/** `changes.items[].text` → key changes, key items, each element, key text. */
function stepsOf(path: string): Step[] {
  return path.split('.').flatMap((part): Step[] => {
    const match = /^(.*?)((?:\[\])*)$/.exec(part);
    const key = match?.[1] ?? part;
    const each = (match?.[2]?.length ?? 0) / 2;
    return [
      ...(key === '' ? [] : [{ kind: 'key' as const, key }]),
      ...Array.from({ length: each }, () => ({ kind: 'each' as const })),
    ];
  });
}

function replaceAt(value: Json, steps: readonly Step[], replacement: Json | typeof REMOVE): Json {
  const [step, ...rest] = steps;
  if (!step) return value;
  if (step.kind === 'each') {
    return Array.isArray(value) ? value.map((item) => replaceAt(item, rest, replacement)) : value;
  }
  if (!isRecord(value)) return value;
  // Entry by entry, so the other fields keep their order.
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, inner]): Array<[string, Json]> => {
      if (key !== step.key) return [[key, inner]];
      if (rest.length > 0) return [[key, replaceAt(inner, rest, replacement)]];
      return replacement === REMOVE ? [] : [[key, replacement]];
    }),
  );
}

/** What a marked field becomes for this reader; undefined leaves it as it is. */
function replacementFor(
  mark: FieldMark,
  sensitive: SensitiveFields,
): Json | typeof REMOVE | undefined {
  if (mark === 'secret') return REMOVE;
  return sensitive === 'hide' ? REDACTED : undefined;
}

/**
 * The details of an AuditLog row as one reader may see them. Details repeat
 * fields of their event's payload under the same names (`changes.title`,
 * `name`), so the marks of that event's schema apply to them by path.
 */
export function shownDetails(
  type: EventType,
  schemaVersion: number,
  details: Prisma.JsonValue,
  sensitive: SensitiveFields,
): Json {
  let shown = asJson(details);
  for (const field of markedFields(type, schemaVersion)) {
    const replacement = replacementFor(field.mark, sensitive);
    if (replacement !== undefined) shown = replaceAt(shown, stepsOf(field.path), replacement);
  }
  return shown;
}
