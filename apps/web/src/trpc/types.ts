import type { RouterInputs, RouterOutputs } from '@aegira/api';

export type { RouterInputs, RouterOutputs };

/** The signed-in person as the server describes them (auth.me / login / signUp). */
export type SessionUser = NonNullable<RouterOutputs['auth']['me']['user']>;
export type Role = SessionUser['role'];
export type SignUpInput = RouterInputs['auth']['signUp'];
export type LoginInput = RouterInputs['auth']['login'];
