import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leafHash, MerkleAccumulator, merkleRoot } from './merkle.ts';
import { treeSignedBy } from './signed-tree.ts';

const leaves = Array.from({ length: 11 }, (_, index) =>
  leafHash(createHash('sha256').update(`link ${index}`).digest('hex')),
);
const treeOf = (n: number) => {
  const tree = new MerkleAccumulator();
  for (const leaf of leaves.slice(0, n)) tree.push(leaf);
  return tree;
};
const signedAt7 = { sequence: 7, merkleRoot: merkleRoot(leaves.slice(0, 7)) };

describe('the tree a checkpoint signed (decision 051)', () => {
  it('given a frontier that folds into the signed root, then the tree resumes at its sequence and grows to the whole chain', () => {
    const tree = treeSignedBy({ ...signedAt7, frontier: treeOf(7).frontier() });
    expect(tree.size).toBe(7);
    for (const leaf of leaves.slice(7)) tree.push(leaf);
    expect(tree.root()).toBe(merkleRoot(leaves));
  });

  it.each([
    ['no checkpoint yet', null],
    ['a checkpoint of version 1 (no frontier)', { ...signedAt7, frontier: null }],
    ['a frontier of another tree', { ...signedAt7, frontier: treeOf(7).frontier().reverse() }],
    ['a frontier of another size', { ...signedAt7, frontier: treeOf(6).frontier() }],
    ['a frontier that is not hex', { ...signedAt7, frontier: ['zz', 'yy', 'xx'] }],
    ['a frontier that is not a list', { ...signedAt7, frontier: 'abc' }],
  ])('given %s, then the tree starts empty and every leaf is read', (_, latest) => {
    const tree = treeSignedBy(latest);
    expect(tree.size).toBe(0);
    expect(tree.root()).toBe(merkleRoot([]));
  });
});
