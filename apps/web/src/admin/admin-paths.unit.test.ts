import { describe, expect, it } from 'vitest';
import { parseSubView, personPath, subViewPath } from './admin-paths.ts';

const id = '0f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4';

describe('parseSubView', () => {
  it('reads the list, the new form, a detail and an edit form', () => {
    expect(parseSubView('')).toEqual({ kind: 'list' });
    expect(parseSubView('?view=new')).toEqual({ kind: 'new' });
    expect(parseSubView(`?id=${id}`)).toEqual({ kind: 'detail', id });
    expect(parseSubView(`?id=${id}&view=edit`)).toEqual({ kind: 'edit', id });
  });

  it('refuses addresses no screen answers, instead of sending junk to the server', () => {
    expect(parseSubView('?id=42')).toBeNull();
    expect(parseSubView('?view=delete')).toBeNull();
    expect(parseSubView(`?id=${id}&view=new`)).toBeNull();
  });

  it('round-trips with subViewPath', () => {
    for (const view of [
      { kind: 'list' },
      { kind: 'new' },
      { kind: 'detail', id },
      { kind: 'edit', id },
    ] as const) {
      const path = subViewPath('/teams', view);
      expect(parseSubView(path.slice('/teams'.length))).toEqual(view);
    }
    expect(personPath(id)).toBe(`/people?id=${id}`);
  });
});
