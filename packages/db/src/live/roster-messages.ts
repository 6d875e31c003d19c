import type { AnyStoredEvent } from '../stored-event.ts';
import type { CommandTx } from '../transaction-connections.ts';
import { sql, writeSqlOf } from '../transaction-connections.ts';
import { LIVE_CHANNEL } from './live-message.ts';

/**
 * What a roster-changing event says about whose row changed. Events that name
 * only their entity (an amendment, a resolved miss, a cancelled leave, an
 * escalation) are resolved to the person and team through the row the
 * projection has just written, in the same statement that sends the message.
 */
export interface RosterTouch {
  eventType: AnyStoredEvent['type'];
  personId?: string;
  teamId?: string;
  checkInId?: string;
  missId?: string;
  leaveId?: string;
  alertId?: string;
}

/** The roster rows an event changes; empty for events no roster shows. */
export function rosterTouches(event: AnyStoredEvent): RosterTouch[] {
  const eventType = event.type;
  switch (event.type) {
    case 'CHECK_IN_SUBMITTED':
    case 'MISSED_CHECK_IN_DETECTED':
    case 'READINESS_ALERT_RAISED':
    case 'TEAM_MEMBER_ASSIGNED':
    case 'TEAM_MEMBER_UNASSIGNED':
      return [{ eventType, personId: event.payload.personId, teamId: event.payload.teamId }];
    case 'CHECK_IN_UPDATED':
      return [{ eventType, checkInId: event.payload.id }];
    case 'MISSED_CHECK_IN_RESOLVED':
    case 'MISSED_CHECK_IN_EXCUSED':
      return [{ eventType, missId: event.payload.id }];
    // Leave carries no team: the person's current team shows it.
    case 'LEAVE_RECORDED':
      return [{ eventType, personId: event.payload.personId }];
    case 'LEAVE_CANCELLED':
      return [{ eventType, leaveId: event.payload.id }];
    case 'COUNTERMEASURE_RECORDED':
      return [{ eventType, alertId: event.payload.alertId }];
    case 'READINESS_ALERT_ESCALATED':
      return [{ eventType, alertId: event.payload.id }];
    // Both rosters change: the worker leaves one and joins the other.
    case 'TEAM_TRANSFER_COMPLETED':
      return [
        { eventType, personId: event.payload.personId, teamId: event.payload.fromTeamId },
        { eventType, personId: event.payload.personId, teamId: event.payload.toTeamId },
      ];
    default:
      return [];
  }
}

/**
 * Announces roster changes to every API instance (LIVE_CHANNEL): one message
 * per changed (team, person, event type) with the team's lead and supervisor,
 * delivered at commit like every NOTIFY. The lookup of team, lead and
 * supervisor and the NOTIFY are one set-based statement, and a command with no
 * roster-changing event sends none, so the hot path pays one round trip at most.
 */
export async function publishRosterChanges(
  tx: CommandTx,
  events: readonly AnyStoredEvent[],
): Promise<void> {
  const touches = events.flatMap(rosterTouches);
  if (touches.length === 0) return;
  // Scalar subqueries by primary key, evaluated only when the payload lacks the id (COALESCE
  // stops at the first value): index lookups whatever the size of the tables, no join to plan.
  const statement = sql(
    `SELECT pg_notify($1, json_build_object(
              'kind', 'roster', 'companyId', t.company_id, 'teamId', t.id,
              'personId', s.person_id, 'eventType', s.event_type,
              'leadId', t.leader_id, 'supervisorId', t.supervisor_id)::text)
     FROM (
       SELECT DISTINCT i.event_type,
         COALESCE(i.person_id,
           (SELECT c.person_id FROM check_ins c WHERE c.id = i.check_in_id),
           (SELECT m.person_id FROM missed_check_ins m WHERE m.id = i.miss_id),
           (SELECT l.person_id FROM leaves l WHERE l.id = i.leave_id),
           (SELECT a.person_id FROM readiness_alerts a WHERE a.id = i.alert_id)) AS person_id,
         COALESCE(i.team_id,
           (SELECT c.team_id FROM check_ins c WHERE c.id = i.check_in_id),
           (SELECT m.team_id FROM missed_check_ins m WHERE m.id = i.miss_id),
           (SELECT a.team_id FROM readiness_alerts a WHERE a.id = i.alert_id)) AS team_id
       FROM jsonb_to_recordset($2::jsonb) AS i(event_type text, person_id uuid, team_id uuid,
                                               check_in_id uuid, miss_id uuid, leave_id uuid,
                                               alert_id uuid)
     ) AS s
     CROSS JOIN LATERAL (
       SELECT company_id, id, leader_id, supervisor_id FROM teams
       WHERE id = COALESCE(s.team_id, (SELECT p.team_id FROM persons p WHERE p.id = s.person_id))
     ) AS t`,
    LIVE_CHANNEL,
    JSON.stringify(touches.map(toRecord)),
  );
  await writeSqlOf(tx).run(statement);
}

function toRecord(touch: RosterTouch) {
  return {
    event_type: touch.eventType,
    person_id: touch.personId ?? null,
    team_id: touch.teamId ?? null,
    check_in_id: touch.checkInId ?? null,
    miss_id: touch.missId ?? null,
    leave_id: touch.leaveId ?? null,
    alert_id: touch.alertId ?? null,
  };
}
