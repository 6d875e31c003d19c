import { archive } from '../../services/notifications/notification-service.ts';
import { sessionProcedure } from '../../trpc/init.ts';
import { notificationIdInput } from './notification-schemas.ts';

/** Archives one of the caller's notifications (and reads it); another person's is not found. */
export const archiveNotificationProcedure = sessionProcedure
  .input(notificationIdInput)
  .mutation(({ ctx, input }) => archive(ctx.deps, ctx.actor, input.id));
