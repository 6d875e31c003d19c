import type { RouterOutputs } from '../trpc/types.ts';

export type Team = RouterOutputs['teams']['list']['items'][number];
export type TeamDetail = RouterOutputs['teams']['get'];
export type TeamMember = TeamDetail['members'][number];
export type MemberToday = NonNullable<TeamMember['today']>;
export type Transfer = TeamDetail['incomingTransfers'][number];
