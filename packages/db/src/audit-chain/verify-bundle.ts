import {
  type BundleCheckpoint,
  type BundleEnd,
  type BundleEvent,
  type BundleHeader,
  type BundleLine,
  bundleLine,
} from './bundle-format.ts';
import { GENESIS_HASH, linkHash, payloadDigest } from './chain-link.ts';
import { verifyCheckpointSignature } from './checkpoint-signature.ts';
import { leafHash, MerkleAccumulator } from './merkle.ts';

// The offline verifier (docs/decisions/016, 017). Pure: it reads bundle lines and needs no
// database, only this file and the auditor's copy of the public key.

export interface VerifyOptions {
  /** The auditor's public key (SPKI DER, base64url). Without it, the bundle's own is used. */
  trustedPublicKey?: string | undefined;
}

export interface VerifyReport {
  intact: boolean;
  companyId: string | null;
  /** The first sequence number that does not verify, if any. */
  firstBrokenSeq: number | null;
  reason: string | null;
  /** Links that verified, from seq 1 without a gap. */
  verifiedThrough: number;
  /** The highest checkpoint sequence whose head, Merkle root and signature all verified. */
  intactUpToCheckpoint: number | null;
  checkpoints: number;
  events: number;
  redactedPayloads: number;
  /** Whose key the signatures were checked against. */
  keySource: 'trusted' | 'bundle' | 'none';
  headHash: string;
}

export class BundleVerifier {
  private header: BundleHeader | null = null;
  private end: BundleEnd | null = null;
  private readonly checkpoints = new Map<number, BundleCheckpoint>();
  private readonly merkle = new MerkleAccumulator();
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private lastGoodCheckpoint: number | null = null;
  private broken: { seq: number; reason: string } | null = null;
  private events = 0;
  private redacted = 0;
  private trustedKey: string | null = null;
  private lineNumber = 0;

  constructor(private readonly options: VerifyOptions = {}) {}

  /** Feeds one line of the bundle (empty lines are skipped). */
  pushLine(text: string): void {
    this.lineNumber += 1;
    if (text.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.fail(this.expectedSeq, `line ${this.lineNumber} is not JSON`);
      return;
    }
    const line = bundleLine.safeParse(parsed);
    if (!line.success) {
      this.fail(this.expectedSeq, `line ${this.lineNumber} is not a bundle line`);
      return;
    }
    this.pushValue(line.data);
  }

  /** Feeds one line already parsed (the live check reads them from the database, not a file). */
  pushValue(value: BundleLine): void {
    switch (value.kind) {
      case 'header':
        this.header = value;
        this.trustedKey = this.options.trustedPublicKey ?? value.publicKey;
        return;
      case 'checkpoint':
        this.checkpoints.set(value.sequence, value);
        return;
      case 'event':
        this.pushEvent(value);
        return;
      case 'end':
        this.end = value;
        return;
      default: {
        const unreachable: never = value;
        throw new Error(`Unknown bundle line ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** Records the first break (later ones are consequences); false, to return from a check. */
  private fail(seq: number, reason: string): false {
    this.broken ??= { seq, reason };
    return false;
  }

  /** The first sequence a failed checkpoint puts in doubt: the one after the last good one. */
  private afterLastGoodCheckpoint(): number {
    return (this.lastGoodCheckpoint ?? 0) + 1;
  }

  private pushEvent(event: BundleEvent): boolean {
    this.events += 1;
    if (this.broken) return false;
    const seq = this.expectedSeq;
    if (!this.header) return this.fail(seq, 'the bundle has no header before its events');
    if (event.seq !== seq) {
      return this.fail(seq, `seq ${seq} is missing (the next link is seq ${event.seq})`);
    }
    if (event.missing) return this.fail(seq, `the event of seq ${seq} is missing from the log`);
    const {
      type,
      entityType,
      entityId,
      actorId,
      actorTokenId,
      createdAt,
      schemaVersion,
      payloadDigest: digest,
    } = event;
    if (
      type === undefined ||
      entityType === undefined ||
      entityId === undefined ||
      actorId === undefined ||
      actorTokenId === undefined ||
      createdAt === undefined ||
      schemaVersion === undefined ||
      digest === undefined
    ) {
      return this.fail(seq, `seq ${seq} lacks fields the chain commits to`);
    }
    if (event.redacted) {
      this.redacted += 1;
    } else if (event.payload === undefined || payloadDigest(event.payload) !== digest) {
      return this.fail(seq, `the payload of seq ${seq} does not match its digest`);
    }
    if (event.prevHash !== this.prevHash) {
      return this.fail(seq, `seq ${seq} does not follow seq ${seq - 1} (previous hash differs)`);
    }
    const computed = linkHash({
      companyId: this.header.companyId,
      seq,
      prevHash: this.prevHash,
      eventId: event.id,
      type,
      entityType,
      entityId,
      actorId,
      actorTokenId,
      createdAt,
      schemaVersion,
      payloadDigest: digest,
    });
    if (computed !== event.hash) {
      return this.fail(seq, `seq ${seq} does not match its hash (an event field or seq changed)`);
    }
    this.prevHash = computed;
    this.merkle.push(leafHash(computed));
    this.expectedSeq += 1;
    const checkpoint = this.checkpoints.get(seq);
    return checkpoint ? this.checkCheckpoint(checkpoint) : true;
  }

  private checkCheckpoint(checkpoint: BundleCheckpoint): boolean {
    const doubtful = this.afterLastGoodCheckpoint();
    const trusted = this.trustedKey;
    if (trusted === null || !verifyCheckpointSignature(checkpoint, trusted)) {
      return this.fail(
        doubtful,
        `the signature of checkpoint ${checkpoint.sequence} does not verify with the trusted key`,
      );
    }
    if (checkpoint.companyId !== this.header?.companyId) {
      return this.fail(doubtful, `checkpoint ${checkpoint.sequence} is another company's`);
    }
    if (checkpoint.headHash !== this.prevHash || checkpoint.merkleRoot !== this.merkle.root()) {
      return this.fail(
        doubtful,
        `the chain up to seq ${checkpoint.sequence} is not the one signed at checkpoint ` +
          `${checkpoint.sequence}: a link after seq ${doubtful - 1} was altered and the chain rewritten`,
      );
    }
    this.lastGoodCheckpoint = checkpoint.sequence;
    return true;
  }

  /** The verdict once every line is in. */
  finish(): VerifyReport {
    if (!this.broken) {
      const beyond = [...this.checkpoints.keys()].filter(
        (sequence) => sequence >= this.expectedSeq,
      );
      const signedEnd = Math.max(0, ...beyond);
      if (signedEnd > 0) {
        this.fail(
          this.expectedSeq,
          `the log ends at seq ${this.expectedSeq - 1}, but checkpoint ${signedEnd} was signed: ` +
            'its tail is missing',
        );
      } else if (!this.end) {
        this.fail(this.expectedSeq, 'the bundle is cut short (no end line)');
      } else if (this.end.events !== this.events) {
        this.fail(
          this.expectedSeq,
          `the bundle says ${this.end.events} events but holds ${this.events}`,
        );
      }
    }
    const header = this.header;
    return {
      intact: this.broken === null,
      companyId: header?.companyId ?? null,
      firstBrokenSeq: this.broken?.seq ?? null,
      reason: this.broken?.reason ?? null,
      verifiedThrough: this.broken ? this.broken.seq - 1 : this.expectedSeq - 1,
      intactUpToCheckpoint: this.lastGoodCheckpoint,
      checkpoints: this.checkpoints.size,
      events: this.events,
      redactedPayloads: this.redacted,
      keySource: this.options.trustedPublicKey ? 'trusted' : header?.publicKey ? 'bundle' : 'none',
      headHash: this.prevHash,
    };
  }
}

/** Verifies a whole bundle held in memory (tests, small logs). */
export function verifyBundleText(text: string, options: VerifyOptions = {}): VerifyReport {
  const verifier = new BundleVerifier(options);
  for (const line of text.split('\n')) verifier.pushLine(line);
  return verifier.finish();
}
