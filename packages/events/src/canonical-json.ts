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
    reason: string,
  ) {
    super(`Cannot write canonical JSON at ${path}: ${reason}`);
    this.name = 'CanonicalJsonError';
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function writeString(value: string, path: string): string {
  if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError(path, 'lone UTF-16 surrogate');
  return JSON.stringify(value);
}

function writeNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `${value} is not finite`);
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    throw new CanonicalJsonError(path, `${value} is beyond ±(2^53 − 1); store it as a string`);
  }
  // JSON.stringify(-0) is "0"; every other finite number is its shortest round-trip form.
  return JSON.stringify(value);
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return writeNumber(value, path);
    case 'string':
      return writeString(value, path);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((item, index) => write(item, `${path}[${index}]`)).join(',')}]`;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) {
        throw new CanonicalJsonError(path, 'only plain objects (convert dates to strings first)');
      }
      const keys = Object.keys(value).sort();
      const record = value as Record<string, unknown>;
      const members = keys.map(
        (key) => `${writeString(key, path)}:${write(record[key], `${path}.${key}`)}`,
      );
      return `{${members.join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(path, `a ${typeof value} has no JSON form`);
  }
}

/** The canonical JSON text of a JSON value; throws CanonicalJsonError for what has none. */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}
