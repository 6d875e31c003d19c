// Types only: the web app and the SDK import these and nothing at runtime.

export type { LiveUpdateOutput } from './modules/live/live-schemas.ts';
export type { AppRouter, RouterInputs, RouterOutputs } from './trpc/router.ts';
