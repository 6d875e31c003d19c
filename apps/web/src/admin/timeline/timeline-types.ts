import type { RouterInputs, RouterOutputs } from '../../trpc/types.ts';

export type EntityEvent = RouterOutputs['events']['forEntity']['items'][number];
export type EventType = EntityEvent['type'];
export type EntityType = RouterInputs['events']['forEntity']['entityType'];
export type AuditEntry = RouterOutputs['audit']['list']['items'][number];
export type AuditAction = AuditEntry['action'];
