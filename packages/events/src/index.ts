export { AUDIT_ACTIONS, AuditAction } from './audit-actions.ts';
export { CanonicalJsonError, canonicalJson } from './canonical-json.ts';
export { EVENT_ENTITIES, EVENT_ENTITY, entityOf, entityTypeOf } from './event-entities.ts';
export { ENTITY_TYPES, type EntityType, EVENT_TYPES, EventType } from './event-types.ts';
export {
  type AnyEvent,
  anyEventSchema,
  assertEventType,
  type EventOf,
  type EventPayload,
  isEventType,
  parseEventPayload,
} from './events.ts';
export { FIELD_MARKS, type FieldMark, fieldMarks, secret, sensitive } from './field-marks.ts';
export { InvalidEventPayloadError, type PayloadIssue } from './invalid-event-payload-error.ts';
export {
  EVENT_PAYLOAD_VERSIONS,
  EVENT_SCHEMA_VERSION,
  PAST_PAYLOAD_VERSIONS,
  type PastPayloadVersion,
  type PayloadVersion,
  payloadSchemaOf,
} from './payload-versions.ts';
export {
  CASE_STATUSES,
  eventPayloadSchemas,
  INCIDENT_REJECTION_REASONS,
  INCIDENT_SEVERITIES,
  INCIDENT_TYPES,
} from './payloads.ts';
export { hhmm, localDate, ROLES, type Role } from './primitives.ts';
export { markedFields, REDACTED, type RedactOptions, redactPayload } from './redact-payload.ts';
export { replaceMarkedFields } from './replace-marked-fields.ts';
export { SAMPLE_EVENT_PAYLOADS, SAMPLE_IDS } from './sample-payloads.ts';
export type { MarkedField } from './schema-walk.ts';
export { sealSubjectOf } from './seal-subject.ts';
export {
  canCarrySealedFields,
  ERASED,
  erasedView,
  openPayload,
  SEALED_FIELD,
  sealedPartOf,
  sealPayload,
} from './sealed-fields.ts';
export { upcastPayload } from './upcast-payload.ts';
export { withoutSecrets } from './without-secrets.ts';
