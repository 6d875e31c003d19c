import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { secret, sensitive } from './field-marks.ts';
import { collectMarks, markOf, REMOVE_FIELD, replaceMarked } from './schema-walk.ts';
import { withoutSecrets } from './without-secrets.ts';

describe('walking a schema for field marks', () => {
  it('marks a copy, so a shared schema stays unmarked elsewhere', () => {
    const shared = z.string();
    const marked = secret(shared);
    expect(markOf(marked)).toBe('secret');
    expect(markOf(shared)).toBeUndefined();
  });

  it('sees a mark on either side of optional, nullable and partial wrappers, and after refinements', () => {
    const schema = z
      .strictObject({
        inner: sensitive(z.string()).nullable(),
        outer: sensitive(z.string().nullable()),
        refined: secret(z.string()).min(1),
      })
      .partial();
    expect(collectMarks(schema)).toEqual([
      { path: 'inner', mark: 'sensitive' },
      { path: 'outer', mark: 'sensitive' },
      { path: 'refined', mark: 'secret' },
    ]);
  });

  it('walks into nested objects and array elements', () => {
    const schema = z.strictObject({
      items: z.array(z.strictObject({ key: secret(z.string()), label: z.string() })),
    });
    expect(collectMarks(schema)).toEqual([{ path: 'items[].key', mark: 'secret' }]);
    expect(
      withoutSecrets(schema, {
        items: [
          { key: 'k1', label: 'a' },
          { key: 'k2', label: 'b' },
        ],
      }),
    ).toEqual({ items: [{ label: 'a' }, { label: 'b' }] });
  });

  it('drops keys the schema does not know, since nothing says they are harmless', () => {
    const schema = z.object({ name: z.string() });
    expect(replaceMarked(schema, { name: 'a', stray: 'b' }, () => REMOVE_FIELD)).toEqual({
      name: 'a',
    });
  });

  it('refuses a kind of schema it cannot see inside rather than skip it', () => {
    const schema = z.strictObject({ either: z.union([z.string(), z.number()]) });
    expect(() => collectMarks(schema)).toThrow(/cannot look inside a union schema/);
  });
});
