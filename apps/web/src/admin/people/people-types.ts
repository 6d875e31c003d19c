import type { RouterInputs, RouterOutputs } from '../../trpc/types.ts';

export type Person = RouterOutputs['people']['get'];
export type PeopleListInput = RouterInputs['people']['list'];
export type CreatePersonInput = RouterInputs['people']['create'];
export type UpdatePersonInput = RouterInputs['people']['update'];
