import { MerkleAccumulator } from './merkle.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A checkpoint as the next one reads it: what it signed, and the frontier its event carries. */
export interface LatestCheckpoint {
  sequence: number;
  merkleRoot: string;
  /** As stored in the event's payload: unchecked. */
  frontier: unknown;
}

/**
 * Where the next checkpoint's tree starts (decision 051): the tree of the latest checkpoint,
 * resumed from its frontier, when that frontier folds into the root the checkpoint signed; else
 * the empty tree, and every leaf is read again. Empty as well when there is no checkpoint yet or
 * it was signed before frontiers (version 1, frontier null).
 */
export function treeSignedBy(latest: LatestCheckpoint | null): MerkleAccumulator {
  const frontier = latest?.frontier;
  if (
    !latest ||
    !Array.isArray(frontier) ||
    !frontier.every((hash): hash is string => typeof hash === 'string' && SHA256_HEX.test(hash))
  ) {
    return new MerkleAccumulator();
  }
  const resumed = MerkleAccumulator.resume(latest.sequence, frontier);
  return resumed && resumed.root() === latest.merkleRoot ? resumed : new MerkleAccumulator();
}
