import type { Logger } from './logger.ts';

/**
 * What the security log records (issue 11): each entry is one structured line
 * with `security: <kind>`, so a log shipper can route them apart from the
 * request log. Never pass a secret (password, token, cookie) as a field.
 */
export type SecurityEventKind =
  | 'login_failed'
  | 'login_throttled'
  | 'signup_throttled'
  | 'permission_refused'
  | 'csrf_refused'
  | 'rate_limited';

export interface SecurityEventFields {
  requestId?: string;
  /** The person acting, when known. */
  actorId?: string;
  companyId?: string;
  procedure?: string;
  clientIp?: string;
  reason?: string;
  [field: string]: string | number | boolean | undefined;
}

export function logSecurityEvent(
  logger: Logger,
  kind: SecurityEventKind,
  fields: SecurityEventFields,
): void {
  logger.warn(`security: ${kind}`, { security: kind, ...fields });
}

/** The verified person a plain HTTP route refused (the CSV and bundle downloads). */
export interface RefusedActor {
  personId: string;
  companyId: string;
  role: string;
}

/**
 * A refused authorization on a plain Express route, as tenantProcedure logs them over
 * tRPC (trpc/refusal-log.ts): request id, actor and the route.
 */
export function logRouteRefusal(
  logger: Logger,
  requestId: unknown,
  actor: RefusedActor,
  route: string,
): void {
  logSecurityEvent(logger, 'permission_refused', {
    ...(typeof requestId === 'string' ? { requestId } : {}),
    actorId: actor.personId,
    companyId: actor.companyId,
    role: actor.role,
    procedure: route,
    reason: 'FORBIDDEN',
  });
}
