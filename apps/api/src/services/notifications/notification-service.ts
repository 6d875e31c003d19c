import { archiveNotification, markAllNotificationsRead, markNotificationRead } from '@aegira/db';
import { AppError } from '../../errors/app-error.ts';
import type { Actor, ServiceDeps } from '../actor.ts';

// Each change names the caller as recipient: a person marks and archives only their own
// notifications, and someone else's id is simply not found.

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'No such notification.');
}

function recipient(actor: Actor) {
  return { companyId: actor.companyId, recipientId: actor.personId };
}

export async function markRead(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  const at = deps.now?.() ?? new Date();
  if (!(await markNotificationRead(deps.db, { ...recipient(actor), id, at }))) throw notFound();
}

export async function markAllRead(deps: ServiceDeps, actor: Actor): Promise<number> {
  const at = deps.now?.() ?? new Date();
  return markAllNotificationsRead(deps.db, { ...recipient(actor), at });
}

export async function archive(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  const at = deps.now?.() ?? new Date();
  if (!(await archiveNotification(deps.db, { ...recipient(actor), id, at }))) throw notFound();
}
