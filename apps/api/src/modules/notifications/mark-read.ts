import { markRead } from '../../services/notifications/notification-service.ts';
import { sessionProcedure } from '../../trpc/init.ts';
import { notificationIdInput } from './notification-schemas.ts';

/** Marks one of the caller's notifications read; another person's is not found. */
export const markReadProcedure = sessionProcedure
  .input(notificationIdInput)
  .mutation(({ ctx, input }) => markRead(ctx.deps, ctx.actor, input.id));
