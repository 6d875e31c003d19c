import type { NotificationMessage } from '../live/live-message.ts';
import type { AnyStoredEvent } from '../stored-event.ts';
import type { CommandTx } from '../transaction-connections.ts';
import { sql, sqlOf } from '../transaction-connections.ts';
import { notificationIdSql } from './notification-id.ts';
import { draftsOf } from './producers/index.ts';

/** One draft as the statement reads it (jsonb_to_recordset). */
export interface NotificationDraftRow {
  ord: number;
  event_id: string;
  created_at: string;
  kind: string;
  group_key: string;
  recipient_id: string | null;
  lead_team_id: string | null;
  subject_id: string | null;
  alert_id: string | null;
  data: Record<string, unknown>;
}

/**
 * Stores the notifications a batch of stored events causes, in the write path's transaction
 * (and replay's: the same function rebuilds them from the log). Returns the people who got a
 * new or grown notification, for the live channel.
 *
 * Most events cause none, and then nothing is sent to the database at all. Otherwise one
 * statement resolves the recipients set-based (a lead as of the event's time from
 * team_versions, the clock the versions themselves are dated by; an alert's worker and team from its row), groups the batch's drafts per
 * (recipient, group key) and upserts them:
 * - ids are derived from (company, recipient, group key), so a rebuild yields the same rows;
 * - a group that grows appends its event ids and people, takes the newest event's time and is
 *   unread (and out of the archive) again; deriving an event already in it changes nothing.
 */
export async function deriveNotifications(
  tx: CommandTx,
  events: readonly AnyStoredEvent[],
): Promise<string[]> {
  const rows = notificationDraftRows(events);
  const [first] = events;
  if (rows.length === 0 || !first) return [];
  const notified = await sqlOf(tx).rows<{ recipient_id: string }>(
    sql(DERIVE_NOTIFICATIONS_SQL, JSON.stringify(rows), first.companyId),
  );
  return [...new Set(notified.map((row) => row.recipient_id))];
}

/**
 * The drafts a sequence of events causes, as DERIVE_NOTIFICATIONS_SQL reads them; `offset`
 * numbers them after drafts of earlier events (a rebuild collects the whole log's drafts).
 */
export function notificationDraftRows(
  events: readonly AnyStoredEvent[],
  offset = 0,
): NotificationDraftRow[] {
  const rows: NotificationDraftRow[] = [];
  for (const [ord, event] of events.entries()) {
    for (const draft of draftsOf(event)) {
      const recipient = draft.recipient;
      rows.push({
        ord: offset + ord,
        event_id: event.id,
        created_at: event.createdAt.toISOString(),
        kind: draft.kind,
        group_key: draft.groupKey,
        recipient_id: 'personId' in recipient ? recipient.personId : null,
        lead_team_id: 'leadOfTeam' in recipient ? recipient.leadOfTeam : null,
        subject_id: draft.subjectId ?? null,
        alert_id: draft.alertId ?? null,
        data: draft.data,
      });
    }
  }
  return rows;
}

/**
 * The one statement that stores drafts ($1, JSON) of a company ($2), for the write path and
 * replay alike (see deriveNotifications); returns the recipients it notified.
 */
export const DERIVE_NOTIFICATIONS_SQL = `WITH draft AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS d(
         ord int, event_id uuid, created_at timestamptz, kind text, group_key text,
         recipient_id uuid, lead_team_id uuid, subject_id uuid,
         alert_id uuid, data jsonb)
     ), resolved AS (
       SELECT coalesce(d.recipient_id, lead.leader_id) AS recipient_id, d.ord, d.event_id,
              d.created_at, d.kind, d.group_key, d.subject_id,
              d.data || CASE WHEN a.id IS NULL THEN '{}'::jsonb
                             ELSE jsonb_build_object('personId', a.person_id, 'teamId', a.team_id) END
                AS data
       FROM draft d
       LEFT JOIN LATERAL app_team_at(d.lead_team_id, d.created_at) lead ON d.lead_team_id IS NOT NULL
       LEFT JOIN readiness_alerts a ON a.id = d.alert_id
     ), grouped AS (
       SELECT recipient_id, group_key,
              (array_agg(kind ORDER BY ord))[1] AS kind,
              (array_agg(event_id ORDER BY ord))[1] AS event_id,
              array_agg(event_id ORDER BY ord) AS event_ids,
              max(created_at) AS created_at,
              (array_agg(data ORDER BY ord))[1]
                || CASE WHEN count(subject_id) = 0 THEN '{}'::jsonb
                        ELSE jsonb_build_object('personIds',
                               jsonb_agg(subject_id ORDER BY ord) FILTER (WHERE subject_id IS NOT NULL))
                   END AS data
       FROM resolved
       WHERE recipient_id IS NOT NULL
       GROUP BY recipient_id, group_key
     )
     INSERT INTO notifications AS n
       (id, company_id, recipient_id, kind, group_key, event_id, event_ids, data, created_at)
     SELECT ${notificationIdSql('$2', 'g.recipient_id', 'g.group_key')}, $2::text::uuid, g.recipient_id,
            g.kind, g.group_key, g.event_id, g.event_ids, g.data, g.created_at
     FROM grouped g
     ORDER BY g.recipient_id, g.group_key
     ON CONFLICT (company_id, recipient_id, group_key) DO UPDATE SET
       event_ids = n.event_ids || EXCLUDED.event_ids,
       data = CASE WHEN EXCLUDED.data ? 'personIds'
                   THEN n.data || jsonb_build_object('personIds',
                          coalesce(n.data -> 'personIds', '[]'::jsonb) || (EXCLUDED.data -> 'personIds'))
                   ELSE n.data END,
       created_at = greatest(n.created_at, EXCLUDED.created_at),
       read_at = NULL,
       archived_at = NULL
     WHERE NOT n.event_ids @> EXCLUDED.event_ids
     RETURNING recipient_id::text`;

/** The live message telling these people their notifications changed (none when nobody). */
export function notificationMessages(
  companyId: string,
  recipientIds: readonly string[],
): NotificationMessage[] {
  if (recipientIds.length === 0) return [];
  return [{ kind: 'notification', companyId, recipientIds: [...recipientIds] }];
}
