import { randomUUID } from 'node:crypto';
import { type DecidedEvent, event } from '@aegira/db';
import { type ReadinessResult, raisesReadinessAlert } from '@aegira/domain';
import { EventType } from '@aegira/events';

export interface AlertSource {
  checkInId: string;
  personId: string;
  teamId: string;
  localDate: string;
  scores: ReadinessResult;
  painLevel: number;
  leadId: string | null;
  at: string;
}

/**
 * READINESS_ALERT_RAISED for a check-in whose result alerts the lead (RED, or
 * pain 7 or more), decided in the same command as the check-in so the alert
 * and its cause commit together; none when the result is fine. The caller
 * makes sure the check-in has no alert yet (one per check-in, also a unique
 * constraint).
 */
export function alertEvents(source: AlertSource): DecidedEvent[] {
  if (!raisesReadinessAlert(source.scores.level, source.painLevel)) return [];
  return [
    event(EventType.READINESS_ALERT_RAISED, {
      id: randomUUID(),
      checkInId: source.checkInId,
      personId: source.personId,
      teamId: source.teamId,
      localDate: source.localDate,
      readinessScore: source.scores.readinessScore,
      readinessLevel: source.scores.level,
      painLevel: source.painLevel,
      leadId: source.leadId,
      raisedAt: source.at,
    }),
  ];
}
