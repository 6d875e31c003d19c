import { hash } from 'node:crypto';
import { canonicalJson } from '@aegira/events';

// One link of a company's hash chain (docs/decisions/016-audit-hash-chain.md). Pure: the
// sealing job, the exporter and the offline verifier all compute links with this file alone.

/** The previous hash of a company's first link. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a link commits to: the event's fields as stored, and the digest of its payload. */
export interface LinkFields {
  companyId: string;
  seq: number;
  prevHash: string;
  eventId: string;
  type: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorTokenId: string | null;
  /** ISO 8601 with milliseconds, UTC (created_at is timestamptz(3)). */
  createdAt: string;
  schemaVersion: number;
  payloadDigest: string;
}

/** SHA-256 in hex of `text` (UTF-8) or bytes; one-shot, as merkle.ts hashes. */
export function sha256Hex(text: string | Buffer): string {
  return hash('sha256', text, 'hex');
}

/** SHA-256 of the canonical JSON of a payload as stored (UTF-8). */
export function payloadDigest(payload: unknown): string {
  return sha256Hex(canonicalJson(payload));
}

/**
 * The hash of a link: SHA-256 of the canonical JSON of a fixed-order array, so no field can
 * be shifted into another. A version tag leads, so a future link format cannot collide.
 */
export function linkHash(link: LinkFields): string {
  return sha256Hex(
    canonicalJson([
      'aegira-chain-v1',
      link.companyId,
      link.seq,
      link.prevHash,
      link.eventId,
      link.type,
      link.entityType,
      link.entityId,
      link.actorId,
      link.actorTokenId,
      link.createdAt,
      link.schemaVersion,
      link.payloadDigest,
    ]),
  );
}
