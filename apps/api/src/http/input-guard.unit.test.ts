import { describe, expect, it } from 'vitest';
import { findInputProblem, MAX_INPUT_DEPTH } from './input-guard.ts';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value;
}

describe('findInputProblem', () => {
  it('accepts ordinary input, including astral characters and empty containers', () => {
    expect(findInputProblem(undefined)).toBeNull();
    expect(findInputProblem({ name: 'Zoë 🚧', tags: ['a', 'b'], nested: { n: 1, ok: true } })).toBe(
      null,
    );
    expect(findInputProblem({ list: [], map: {} })).toBeNull();
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a "%s" key, naming its path',
    (key) => {
      const input: unknown = JSON.parse(`{"company":{"${key}":{"isAdmin":true}}}`);
      expect(findInputProblem(input)).toEqual({
        path: `company.${key}`,
        message: `the field name "${key}" is not allowed`,
      });
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  );

  it('refuses a NUL byte in a value or a key', () => {
    expect(findInputProblem({ admin: { email: 'a\u0000@b.test' } })).toEqual({
      path: 'admin.email',
      message: 'must not contain a NUL character (U+0000)',
    });
    expect(findInputProblem({ items: ['ok', 'bad\u0000'] })?.path).toBe('items.1');
    expect(findInputProblem({ 'k\u0000': 1 })?.message).toMatch(/field name must not contain/);
    expect(findInputProblem('\u0000')?.path).toBe('(input)');
  });

  it('refuses lone surrogates but not surrogate pairs', () => {
    expect(findInputProblem({ note: 'a\uD800b' })?.message).toMatch(/lone UTF-16 surrogate/);
    expect(findInputProblem({ note: 'a\uDC00' })?.path).toBe('note');
    expect(findInputProblem({ note: '\uDBFF' })?.path).toBe('note');
    expect(findInputProblem({ note: '\uD83D\uDE00' })).toBeNull();
  });

  it(`accepts ${MAX_INPUT_DEPTH} levels of nesting and refuses one more`, () => {
    expect(findInputProblem(nested(MAX_INPUT_DEPTH))).toBeNull();
    const problem = findInputProblem(nested(MAX_INPUT_DEPTH + 1));
    expect(problem?.message).toMatch(/nested too deeply/);
    expect(problem?.path).toBe(Array.from({ length: MAX_INPUT_DEPTH }, () => 'a').join('.'));
    // Arrays count as levels too, and a very deep input does not overflow the stack.
    expect(findInputProblem(JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`))).not.toBeNull();
  });
});
