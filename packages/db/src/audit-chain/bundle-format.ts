import { z } from 'zod';

// The audit bundle (docs/decisions/017-signed-checkpoints.md): newline-delimited JSON, so a log
// of millions of events is written and verified as a stream. Lines, in order:
//   header, every checkpoint (by sequence), every sealed event (by seq), end.
// A payload is shown as stored, or with its marked fields replaced by digests (`redacted`);
// the chain commits to `payloadDigest`, so a redacted payload still verifies.

export const BUNDLE_FORMAT = 'aegira-audit-bundle';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const uuid = z.string().min(1);

export const bundleHeader = z.object({
  kind: z.literal('header'),
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(1),
  companyId: uuid,
  companySlug: z.string(),
  exportedAt: z.string(),
  publicKey: z.string().nullable(),
  keyId: z.string().nullable(),
  sensitive: z.enum(['shown', 'digested']),
});
export type BundleHeader = z.infer<typeof bundleHeader>;

export const bundleCheckpoint = z.object({
  kind: z.literal('checkpoint'),
  id: uuid,
  companyId: uuid,
  sequence: z.number().int().min(1),
  headHash: hex64,
  merkleRoot: hex64,
  signedAt: z.string(),
  keyId: z.string(),
  publicKey: z.string(),
  signature: z.string(),
});
export type BundleCheckpoint = z.infer<typeof bundleCheckpoint>;

export const bundleEvent = z.object({
  kind: z.literal('event'),
  seq: z.number().int(),
  prevHash: hex64,
  hash: hex64,
  id: uuid,
  /** The seal names an event the log no longer has. */
  missing: z.literal(true).optional(),
  type: z.string().optional(),
  entityType: z.string().optional(),
  entityId: z.string().optional(),
  actorId: z.string().nullable().optional(),
  actorTokenId: z.string().nullable().optional(),
  createdAt: z.string().optional(),
  schemaVersion: z.number().int().optional(),
  payloadDigest: hex64.optional(),
  payload: z.unknown().optional(),
  redacted: z.boolean().optional(),
});
export type BundleEvent = z.infer<typeof bundleEvent>;

export const bundleEnd = z.object({
  kind: z.literal('end'),
  events: z.number().int().min(0),
  /** Events committed but not sealed yet when the bundle was written (not in it). */
  unsealed: z.number().int().min(0),
});
export type BundleEnd = z.infer<typeof bundleEnd>;

export const bundleLine = z.discriminatedUnion('kind', [
  bundleHeader,
  bundleCheckpoint,
  bundleEvent,
  bundleEnd,
]);
export type BundleLine = z.infer<typeof bundleLine>;
