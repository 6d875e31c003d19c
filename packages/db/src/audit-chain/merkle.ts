import { hash } from 'node:crypto';

// A Merkle tree over a company's link hashes, as RFC 6962 (Certificate Transparency) defines
// it: leaf = SHA-256(0x00 ‖ link hash), node = SHA-256(0x01 ‖ left ‖ right), and a tree of n
// leaves splits at the largest power of two below n. A checkpoint signs the root of the first
// `sequence` links, so one event can be proven with log2(n) hashes (decision 017).

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

// One-shot hash() rather than createHash(): for inputs this small it takes about half the CPU
// (no Hash object per call), and a tree of 1.5 M links is 3 M hashes.
export function leafHash(linkHashHex: string): Buffer {
  return hash('sha256', Buffer.concat([LEAF, Buffer.from(linkHashHex, 'hex')]), 'buffer');
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return hash('sha256', Buffer.concat([NODE, left, right]), 'buffer');
}

const EMPTY_ROOT = hash('sha256', Buffer.alloc(0), 'hex');

/** The largest power of two strictly below n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function rootOf(leaves: readonly Buffer[], from: number, to: number): Buffer {
  const n = to - from;
  if (n === 1) {
    const leaf = leaves[from];
    if (!leaf) throw new Error(`No leaf at ${from}`);
    return leaf;
  }
  const k = splitPoint(n);
  return nodeHash(rootOf(leaves, from, from + k), rootOf(leaves, from + k, to));
}

/** The root over leaf hashes (hex); the empty tree's root is SHA-256 of nothing. */
export function merkleRoot(leaves: readonly Buffer[]): string {
  if (leaves.length === 0) return EMPTY_ROOT;
  return rootOf(leaves, 0, leaves.length).toString('hex');
}

/**
 * The root of a growing tree without keeping its leaves: the roots of its perfect subtrees
 * (at most log2(n) of them), merged as leaves arrive. The verifier streams a bundle with it.
 */
export class MerkleAccumulator {
  // Perfect subtrees, largest first, with their sizes.
  private readonly stack: Array<{ size: number; hash: Buffer }> = [];
  private count = 0;

  /**
   * The accumulator of a tree of `size` leaves from its frontier (what `frontier()` returned
   * at that size): one subtree root per bit set in `size`, largest first. Null when the count
   * does not fit the size. Whether the frontier is the right tree's is the caller's to check
   * against a root it trusts (`root()`).
   */
  static resume(size: number, frontier: readonly string[]): MerkleAccumulator | null {
    if (!Number.isSafeInteger(size) || size < 0) return null;
    const sizes: number[] = [];
    for (let bit = 2 ** Math.floor(Math.log2(Math.max(size, 1))); bit >= 1; bit /= 2) {
      if (Math.floor(size / bit) % 2 === 1) sizes.push(bit);
    }
    if (sizes.length !== frontier.length) return null;
    const resumed = new MerkleAccumulator();
    sizes.forEach((subtree, index) => {
      resumed.stack.push({ size: subtree, hash: Buffer.from(frontier[index] ?? '', 'hex') });
    });
    resumed.count = size;
    return resumed;
  }

  /** The roots of the perfect subtrees so far, largest first, as hex (see `resume`). */
  frontier(): string[] {
    return this.stack.map((subtree) => subtree.hash.toString('hex'));
  }

  /** An accumulator at the same point that grows apart from this one. */
  copy(): MerkleAccumulator {
    const copied = new MerkleAccumulator();
    copied.stack.push(...this.stack);
    copied.count = this.count;
    return copied;
  }

  get size(): number {
    return this.count;
  }

  push(leaf: Buffer): void {
    let node = { size: 1, hash: leaf };
    let top = this.stack.at(-1);
    while (top && top.size === node.size) {
      this.stack.pop();
      node = { size: node.size * 2, hash: nodeHash(top.hash, node.hash) };
      top = this.stack.at(-1);
    }
    this.stack.push(node);
    this.count += 1;
  }

  /** The root of the leaves pushed so far: the subtrees folded from the right. */
  root(): string {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let hash: Buffer | undefined;
    for (let index = this.stack.length - 1; index >= 0; index -= 1) {
      const subtree = this.stack[index];
      if (!subtree) continue;
      hash = hash ? nodeHash(subtree.hash, hash) : subtree.hash;
    }
    return (hash ?? Buffer.alloc(0)).toString('hex');
  }
}

/** RFC 6962 PATH(m, D[from:to]): the sibling hashes from leaf m up to the root. */
function pathOf(leaves: readonly Buffer[], m: number, from: number, to: number): Buffer[] {
  const n = to - from;
  if (n <= 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...pathOf(leaves, m, from, from + k), rootOf(leaves, from + k, to)];
  return [...pathOf(leaves, m - k, from + k, to), rootOf(leaves, from, from + k)];
}

/** The audit path of leaf `index` (0-based) in the tree of `leaves`, as hex. */
export function inclusionPath(leaves: readonly Buffer[], index: number): string[] {
  if (index < 0 || index >= leaves.length) {
    throw new RangeError(`Leaf ${index} is outside a tree of ${leaves.length}`);
  }
  return pathOf(leaves, index, 0, leaves.length).map((hash) => hash.toString('hex'));
}

/**
 * The root an audit path leads to (RFC 9162 §2.1.3.2), or null if the path has the wrong
 * length for (index, treeSize).
 */
export function rootFromPath(
  leaf: Buffer,
  index: number,
  treeSize: number,
  path: readonly string[],
): string | null {
  if (index < 0 || index >= treeSize) return null;
  let fn = index;
  let sn = treeSize - 1;
  let hash = leaf;
  for (const siblingHex of path) {
    const sibling = Buffer.from(siblingHex, 'hex');
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      hash = nodeHash(sibling, hash);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      hash = nodeHash(hash, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? hash.toString('hex') : null;
}
