import { companyKeyRing } from '@aegira/db';
import type pg from 'pg';

export interface WrittenEvent {
  id: string;
  type: string;
  entity_type: string;
  entity_id: string;
  actor_id: string | null;
  payload: Record<string, unknown>;
}

export interface WrittenAudit {
  id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  actor_id: string | null;
  event_id: string;
  details: Record<string, unknown>;
}

/**
 * What one call appended for a company: its events (in order, sealed fields opened with their
 * people's keys as every reader does; decision 039) and AuditLog rows, read over the owner
 * connection past row-level security. Failing calls are
 * passed wrapped (e.g. in failureOf) so the count of nothing can be asserted.
 */
export async function writesOf<T>(
  owner: pg.Client,
  companyId: string,
  call: () => Promise<T>,
): Promise<{ result: T; events: WrittenEvent[]; audits: WrittenAudit[] }> {
  const before = await owner.query<{ position: string }>(
    'SELECT coalesce(max(position), 0)::text AS position FROM events',
  );
  const position = before.rows[0]?.position ?? '0';
  const auditsBefore = await owner.query<{ id: string }>(
    'SELECT id FROM audit_logs WHERE company_id = $1',
    [companyId],
  );
  const result = await call();
  const events = await owner.query<WrittenEvent>(
    `SELECT id, type, entity_type, entity_id, actor_id, payload FROM events
     WHERE company_id = $1 AND position > $2::bigint ORDER BY position`,
    [companyId, position],
  );
  const audits = await owner.query<WrittenAudit>(
    `SELECT id, action, entity_type, entity_id, actor_id, event_id, details FROM audit_logs
     WHERE company_id = $1 AND NOT (id = ANY($2::uuid[])) ORDER BY created_at`,
    [companyId, auditsBefore.rows.map((row) => row.id)],
  );
  const keys = await companyKeyRing(owner, companyId);
  const opened = events.rows.map((event) => ({
    ...event,
    payload: keys.open(event.id, event.payload).payload as Record<string, unknown>,
  }));
  return { result, events: opened, audits: audits.rows };
}
