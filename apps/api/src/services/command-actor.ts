import type { CommandActor } from '@aegira/db';
import type { Actor } from '../trpc/context.ts';

/**
 * Who a command is recorded against: the person, and the API token when the
 * request came with one (product.md: every token use is attributable).
 */
export function commandActor(actor: Actor): CommandActor {
  return { companyId: actor.companyId, actorId: actor.personId, tokenId: actor.tokenId };
}
