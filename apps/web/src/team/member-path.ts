import { subViewPath } from '../admin/admin-paths.ts';

/**
 * A member's page inside the roster's own area ('/my-team?id=…' for a lead, '/teams?id=…'
 * for a supervisor), so the navigation keeps the team page marked current.
 */
export function memberPathIn(base: string): (personId: string) => string {
  return (personId) => subViewPath(base, { kind: 'detail', id: personId });
}
