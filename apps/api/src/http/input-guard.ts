/**
 * The checks every input passes before any schema sees it (issue 11, BI-5/BI-6/BI-7):
 * text the database or a log cannot hold faithfully (NUL bytes, lone UTF-16
 * surrogates), keys that reach an object's prototype when copied or merged, and
 * nesting deep enough to make recursive code (ours or a library's) slow or crash.
 * Schemas then say what each field allows; this says what no field allows.
 */

/** Deepest nesting of objects and arrays an input may have (the input itself is level 1). */
export const MAX_INPUT_DEPTH = 20;

/** Keys that name or reach an object's prototype: never data. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface InputProblem {
  /** Dotted path of the offending field ("admin.email", "items.3"), "(input)" for the whole input. */
  path: string;
  message: string;
}

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) {
    return 'must be valid Unicode text (it contains a lone UTF-16 surrogate)';
  }
  return null;
}

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // JSON.parse and query-string parsers make plain or null-prototype objects; anything
  // else (a FormData, a Date) is not data from JSON and is left to the schema.
  return proto === Object.prototype || proto === null;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** The first problem in `input` (walked without recursion), or null when there is none. */
export function findInputProblem(input: unknown): InputProblem | null {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [
    { value: input, path: '', depth: 1 },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { path: path || '(input)', message: problem };
      continue;
    }
    if (!isPlainContainer(value)) continue;
    if (depth > MAX_INPUT_DEPTH) {
      return {
        path: path || '(input)',
        message: `is nested too deeply (at most ${MAX_INPUT_DEPTH} levels of objects and arrays)`,
      };
    }
    // Own keys only, read without touching the prototype chain.
    for (const key of Object.keys(value)) {
      const keyPath = join(path, key);
      if (PROTOTYPE_KEYS.has(key)) {
        return { path: keyPath, message: `the field name "${key}" is not allowed` };
      }
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: path || '(input)', message: `a field name ${keyProblem}` };
      pending.push({
        value: Object.getOwnPropertyDescriptor(value, key)?.value,
        path: keyPath,
        depth: depth + 1,
      });
    }
  }
  return null;
}
