import type { RouterInputs, RouterOutputs } from '../../trpc/types.ts';

/** A person as every people endpoint returns them. */
export type Person = RouterOutputs['people']['list']['items'][number];
/** One person's page: the person and their pending team move, if any. */
export type PersonDetail = RouterOutputs['people']['get'];
export type PeopleListInput = RouterInputs['people']['list'];
export type CreatePersonInput = RouterInputs['people']['create'];
export type UpdatePersonInput = RouterInputs['people']['update'];
