// Canonical JSON for hashing (docs/decisions/016-audit-hash-chain.md), after RFC 8785 (JCS):
// - objects: members sorted by key, comparing keys as UTF-16 code units (JavaScript's default
//   string order), no duplicate keys (a JavaScript object has none);
// - no whitespace anywhere;
// - strings: JSON.stringify's escaping (", \, control characters as \b \f \n \r \t or \u00xx,
//   everything else literal, UTF-8 encoded by the caller); lone surrogates are refused, since
//   they have no UTF-8 form and PostgreSQL's jsonb cannot store them either;
// - numbers: ECMAScript's shortest round-trip form (JSON.stringify), -0 written as 0; NaN and
//   infinities are refused, and so is any number beyond ±(2^53 − 1): above it a JSON parser may
//   already have rounded an integer it read (write such values as strings);
// - true, false, null; arrays keep their order; `undefined` members are refused rather than
//   dropped, so two different objects never serialise alike.

export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Cannot write canonical JSON at ${path}: ${reason}`);
    this.name = 'CanonicalJsonError';
  }
}

// The writer is on the sealing job's path (two canonical texts an event: its payload and its
// link), so it builds no path while it writes: a refusal is thrown with the path below the
// member that failed, and each container on the way out prefixes its own step. Strings are
// checked for lone surrogates only when they hold a surrogate at all.

const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function refused(reason: string): CanonicalJsonError {
  return new CanonicalJsonError('', reason);
}

/** `error` (thrown below `step`) with `step` prefixed to its path; anything else as it is. */
function below(step: string, error: unknown): unknown {
  return error instanceof CanonicalJsonError
    ? new CanonicalJsonError(`${step}${error.path}`, error.reason)
    : error;
}

function writeString(value: string): string {
  if (ANY_SURROGATE.test(value) && LONE_SURROGATE.test(value)) {
    throw refused('lone UTF-16 surrogate');
  }
  return JSON.stringify(value);
}

function writeNumber(value: number): string {
  if (!Number.isFinite(value)) throw refused(`${value} is not finite`);
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    throw refused(`${value} is beyond ±(2^53 − 1); store it as a string`);
  }
  // JSON.stringify(-0) is "0"; every other finite number is its shortest round-trip form.
  return JSON.stringify(value);
}

function writeArray(value: readonly unknown[]): string {
  let out = '[';
  for (let index = 0; index < value.length; index += 1) {
    if (index > 0) out += ',';
    try {
      out += write(value[index]);
    } catch (error) {
      throw below(`[${index}]`, error);
    }
  }
  return `${out}]`;
}

function writeObject(value: object): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw refused('only plain objects (convert dates to strings first)');
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index] as string;
    if (index > 0) out += ',';
    out += `${writeString(key)}:`;
    try {
      out += write(record[key]);
    } catch (error) {
      throw below(`.${key}`, error);
    }
  }
  return `${out}}`;
}

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return writeNumber(value);
    case 'string':
      return writeString(value);
    case 'object':
      return Array.isArray(value) ? writeArray(value) : writeObject(value);
    default:
      throw refused(`a ${typeof value} has no JSON form`);
  }
}

/** The canonical JSON text of a JSON value; throws CanonicalJsonError for what has none. */
export function canonicalJson(value: unknown): string {
  try {
    return write(value);
  } catch (error) {
    throw below('$', error);
  }
}
