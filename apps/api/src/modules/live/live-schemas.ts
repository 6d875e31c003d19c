import { EVENT_TYPES } from '@aegira/events';
import { z } from 'zod';

/** One live update as the browser receives it (apps/api/src/live/delivery.ts). */
export const liveUpdateOutput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('notification') }),
  z.strictObject({
    kind: z.literal('roster'),
    teamId: z.uuid(),
    personId: z.uuid(),
    eventType: z.enum(EVENT_TYPES),
  }),
  z.strictObject({ kind: z.literal('resync') }),
]);

export type LiveUpdateOutput = z.infer<typeof liveUpdateOutput>;
