import type { EventType } from './event-types.ts';
import type { EventPayload } from './events.ts';

/**
 * Whose key seals the sensitive fields of an event (docs/decisions/039): the person the
 * health or incident content is about. An incident and its case are about their reporter.
 * Types whose payload does not name that person (an amendment names only its check-in) get
 * the subject from the command that decides them (`NewEvent.subjectId`); the write path
 * refuses a sensitive value with no subject, so nothing sensitive is stored unsealed.
 */
const SUBJECT_IN_PAYLOAD: { readonly [K in EventType]?: (payload: EventPayload<K>) => string } = {
  CHECK_IN_SUBMITTED: (p) => p.personId,
  READINESS_ALERT_RAISED: (p) => p.personId,
  COUNTERMEASURE_RECORDED: (p) => p.personId,
  LEAVE_RECORDED: (p) => p.personId,
  INCIDENT_REPORTED: (p) => p.reporterId,
  INCIDENT_REJECTED: (p) => p.reporterId,
  CASE_STATUS_CHANGED: (p) => p.reporterId,
};

/** The subject an event's own payload names, if its type has such a rule. */
export function sealSubjectOf<T extends EventType>(
  type: T,
  payload: EventPayload<T>,
): string | null {
  const rule = SUBJECT_IN_PAYLOAD[type] as ((payload: EventPayload<T>) => string) | undefined;
  return rule ? rule(payload) : null;
}
