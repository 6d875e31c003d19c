import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inclusionPath, leafHash, MerkleAccumulator, merkleRoot, rootFromPath } from './merkle.ts';

const sha = (...parts: Buffer[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const link = (index: number) => sha(Buffer.from(`link ${index}`)).toString('hex');
const leavesOf = (n: number) => Array.from({ length: n }, (_, index) => leafHash(link(index)));

describe('Merkle tree (RFC 6962)', () => {
  it('hashes a leaf as SHA-256(0x00 ‖ link) and a node as SHA-256(0x01 ‖ left ‖ right)', () => {
    const a = link(0);
    const b = link(1);
    const leafA = sha(Buffer.from([0]), Buffer.from(a, 'hex'));
    const leafB = sha(Buffer.from([0]), Buffer.from(b, 'hex'));
    expect(leafHash(a)).toEqual(leafA);
    expect(merkleRoot([leafA])).toBe(leafA.toString('hex'));
    expect(merkleRoot([leafA, leafB])).toBe(sha(Buffer.from([1]), leafA, leafB).toString('hex'));
    // The empty tree's root is the hash of nothing.
    expect(merkleRoot([])).toBe(sha().toString('hex'));
  });

  it('splits an odd tree at the largest power of two below its size', () => {
    const [l0, l1, l2] = leavesOf(3);
    if (!l0 || !l1 || !l2) throw new Error('three leaves');
    const node = (left: Buffer, right: Buffer) => sha(Buffer.from([1]), left, right);
    expect(merkleRoot([l0, l1, l2])).toBe(node(node(l0, l1), l2).toString('hex'));
  });

  it('the streaming accumulator gives the same root as the whole tree at every size up to 70', () => {
    const leaves = leavesOf(70);
    const accumulator = new MerkleAccumulator();
    for (let n = 1; n <= leaves.length; n += 1) {
      const leaf = leaves[n - 1];
      if (!leaf) throw new Error('leaf');
      accumulator.push(leaf);
      expect(accumulator.size).toBe(n);
      expect(accumulator.root()).toBe(merkleRoot(leaves.slice(0, n)));
    }
  });

  it('resumed from its frontier at any size up to 70, the accumulator grows to the whole tree', () => {
    const leaves = leavesOf(70);
    const whole = merkleRoot(leaves);
    for (let at = 0; at <= leaves.length; at += 1) {
      const first = new MerkleAccumulator();
      for (const leaf of leaves.slice(0, at)) first.push(leaf);
      // One subtree per bit set in the size: 42 = 32 + 8 + 2.
      expect(first.frontier()).toHaveLength(at.toString(2).replaceAll('0', '').length);
      const resumed = MerkleAccumulator.resume(at, first.frontier());
      if (!resumed) throw new Error(`no accumulator resumed at ${at}`);
      expect(resumed.size).toBe(at);
      expect(resumed.root()).toBe(first.root());
      for (const leaf of leaves.slice(at)) resumed.push(leaf);
      expect(resumed.root()).toBe(whole);
    }
  });

  it('a frontier whose count does not fit the size resumes nothing', () => {
    const accumulator = new MerkleAccumulator();
    for (const leaf of leavesOf(6)) accumulator.push(leaf);
    const frontier = accumulator.frontier();
    expect(frontier).toHaveLength(2);
    expect(MerkleAccumulator.resume(6, frontier)).not.toBeNull();
    expect(MerkleAccumulator.resume(7, frontier)).toBeNull();
    expect(MerkleAccumulator.resume(6, frontier.slice(1))).toBeNull();
    expect(MerkleAccumulator.resume(-1, [])).toBeNull();
    expect(MerkleAccumulator.resume(0, [])?.root()).toBe(merkleRoot([]));
  });

  it('a copy grows apart from its original', () => {
    const leaves = leavesOf(5);
    const original = new MerkleAccumulator();
    for (const leaf of leaves.slice(0, 3)) original.push(leaf);
    const copy = original.copy();
    for (const leaf of leaves.slice(3)) copy.push(leaf);
    expect(original.root()).toBe(merkleRoot(leaves.slice(0, 3)));
    expect(copy.root()).toBe(merkleRoot(leaves));
  });

  it('an audit path of every leaf of trees of 1 to 33 leaves leads to the root, in about log2(n) hashes', () => {
    for (let n = 1; n <= 33; n += 1) {
      const leaves = leavesOf(n);
      const root = merkleRoot(leaves);
      for (let index = 0; index < n; index += 1) {
        const path = inclusionPath(leaves, index);
        expect(path.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
        const leaf = leaves[index];
        if (!leaf) throw new Error('leaf');
        expect(rootFromPath(leaf, index, n, path)).toBe(root);
      }
    }
  });

  it('a path does not prove another leaf, another position, a tree of another size or a cut path', () => {
    const leaves = leavesOf(13);
    const root = merkleRoot(leaves);
    const path = inclusionPath(leaves, 5);
    const [leaf5, leaf6] = [leaves[5], leaves[6]];
    if (!leaf5 || !leaf6) throw new Error('leaves');
    expect(rootFromPath(leaf6, 5, 13, path)).not.toBe(root);
    expect(rootFromPath(leaf5, 6, 13, path)).not.toBe(root);
    // The last leaf's path depends on the tree's size: claiming another size fails.
    const last = leaves[12];
    if (!last) throw new Error('leaf');
    expect(rootFromPath(last, 12, 14, inclusionPath(leaves, 12))).not.toBe(root);
    expect(rootFromPath(leaf5, 5, 13, path.slice(0, -1))).toBeNull();
    expect(rootFromPath(leaf5, 5, 13, [...path, path[0] ?? ''])).toBeNull();
    expect(rootFromPath(leaf5, 13, 13, path)).toBeNull();
  });

  it('refuses a leaf index outside the tree', () => {
    expect(() => inclusionPath(leavesOf(4), 4)).toThrow(RangeError);
    expect(() => inclusionPath(leavesOf(4), -1)).toThrow(RangeError);
  });
});
