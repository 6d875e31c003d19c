/**
 * The admin and team pages, and the sub-views inside them. A sub-view (a person, a form)
 * lives in the query string — '/people?id=…', '/people?view=new' — so each area keeps
 * one path: the navigation marks it current and a signed-out deep link still goes to login.
 */
export const adminPaths = {
  people: '/people',
  teams: '/teams',
  holidays: '/holidays',
  auditLog: '/audit-log',
  settings: '/settings',
  apiTokens: '/api-tokens',
  jobRuns: '/job-runs',
  auditIntegrity: '/audit-integrity',
  myTeam: '/my-team',
} as const;

export type SubView =
  | { kind: 'list' }
  | { kind: 'new' }
  | { kind: 'detail'; id: string }
  | { kind: 'edit'; id: string };

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the sub-view from a query string. An id that cannot be one (a mistyped link)
 * is null, for the page to answer "not found" rather than ask the server.
 */
export function parseSubView(search: string): SubView | null {
  const params = new URLSearchParams(search);
  const id = params.get('id');
  const view = params.get('view');
  if (id === null) {
    if (view === null) return { kind: 'list' };
    return view === 'new' ? { kind: 'new' } : null;
  }
  if (!UUID_PATTERN.test(id)) return null;
  if (view === null) return { kind: 'detail', id };
  return view === 'edit' ? { kind: 'edit', id } : null;
}

/** The address of a sub-view of one area, e.g. subViewPath('/people', { kind: 'edit', id }). */
export function subViewPath(base: string, view: SubView): string {
  switch (view.kind) {
    case 'list':
      return base;
    case 'new':
      return `${base}?view=new`;
    case 'detail':
      return `${base}?id=${encodeURIComponent(view.id)}`;
    case 'edit':
      return `${base}?id=${encodeURIComponent(view.id)}&view=edit`;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

export const personPath = (id: string) => subViewPath(adminPaths.people, { kind: 'detail', id });
export const teamPath = (id: string) => subViewPath(adminPaths.teams, { kind: 'detail', id });
