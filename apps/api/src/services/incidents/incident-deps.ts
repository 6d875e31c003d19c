import type { CommandOptions } from '@aegira/db';
import type { ServiceDeps } from '../actor.ts';

/**
 * What the incident and case commands need. `loggedAt` dates their events in the log (a seed
 * recording past incidents after the rest of its history, so the log stays in time order);
 * without it the database's clock does, as for every live command. `now` is the command's own
 * clock (report, review and change times in the payloads).
 */
export interface IncidentDeps extends ServiceDeps {
  loggedAt?: Date;
}

export function logOptions(deps: IncidentDeps): CommandOptions {
  return deps.loggedAt ? { at: deps.loggedAt } : {};
}
