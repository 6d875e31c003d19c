import { roleLabels } from '../shell/nav-items.ts';
import type { Role } from '../trpc/types.ts';

/** Every role, most privileged first, as role selects list them. */
export const ROLES: readonly Role[] = ['ADMIN', 'WHS', 'SUPERVISOR', 'TEAM_LEAD', 'WORKER'];

export function isRole(value: string): value is Role {
  return Object.hasOwn(roleLabels, value);
}

export { roleLabels };
