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
