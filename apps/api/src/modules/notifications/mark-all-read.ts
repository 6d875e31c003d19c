import { markAllRead } from '../../services/notifications/notification-service.ts';
import { sessionProcedure } from '../../trpc/init.ts';
import { markAllReadOutput } from './notification-schemas.ts';

/** Marks every unread notification of the caller read. */
export const markAllReadProcedure = sessionProcedure
  .output(markAllReadOutput)
  .mutation(async ({ ctx }) => ({ marked: await markAllRead(ctx.deps, ctx.actor) }));
