export { AUDIT_ACTIONS, AuditAction } from './audit-actions.ts';
export {
  ENTITY_TYPES,
  type EntityType,
  EVENT_ENTITY,
  EVENT_TYPES,
  EventType,
} from './event-types.ts';
export {
  type AnyEvent,
  anyEventSchema,
  EVENT_SCHEMA_VERSION,
  type EventOf,
  type EventPayload,
  entityTypeOf,
  InvalidEventPayloadError,
  isEventType,
  parseEventPayload,
} from './events.ts';
export { eventPayloadSchemas } from './payloads.ts';
export { hhmm, localDate, ROLES, type Role } from './primitives.ts';
