/** Administrative actions that also leave an AuditLog row (product.md rule 6). Mirrored by the database enum. */
export const AUDIT_ACTIONS = [
  'COMPANY_CREATED',
  'COMPANY_SETTINGS_UPDATED',
  'PERSON_CREATED',
  'PERSON_UPDATED',
  'PERSON_ROLE_CHANGED',
  'PERSON_DEACTIVATED',
  'PERSON_REACTIVATED',
  'TEAM_CREATED',
  'TEAM_UPDATED',
  'TEAM_DEACTIVATED',
  'TEAM_REACTIVATED',
  'TEAM_MEMBER_ASSIGNED',
  'TEAM_TRANSFER_INITIATED',
  'TEAM_TRANSFER_CANCELLED',
  'HOLIDAY_CREATED',
  'HOLIDAY_UPDATED',
  'HOLIDAY_DEACTIVATED',
  'API_TOKEN_CREATED',
  'API_TOKEN_REVOKED',
  'LEAVE_RECORDED',
  'LEAVE_CANCELLED',
  'MISSED_CHECK_IN_EXCUSED',
  'PERSON_PASSWORD_RESET',
  'PERSON_ERASED',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditAction = Object.fromEntries(AUDIT_ACTIONS.map((action) => [action, action])) as {
  readonly [K in AuditAction]: K;
};
