import { z } from 'zod';
import { secret } from './field-marks.ts';
import { hhmm, localDate, role, timestamp, uuid, workDays } from './primitives.ts';

// Version 1 of the payloads that have since changed. Stored events of this
// version exist and must stay readable forever: never edit these schemas.
// They are written out in full, not derived from the current ones, so a later
// change to a current schema cannot silently change what version 1 was.

export const personCreatedV1 = z.strictObject({
  id: uuid,
  email: z.email(),
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  phone: z.string().nullable(),
  windowStart: hhmm.nullable(),
  windowEnd: hhmm.nullable(),
  workDays,
  role,
  // Kept in the log until version 2 moved credentials out of it.
  passwordHash: secret(z.string().min(1)),
  teamId: uuid.nullable(),
  teamAssignedOn: localDate.nullable(),
});

export const personPasswordChangedV1 = z.strictObject({
  id: uuid,
  passwordHash: secret(z.string().min(1)),
  tokenVersion: z.number().int(),
});

export const apiTokenCreatedV1 = z.strictObject({
  id: uuid,
  name: z.string().min(1),
  scope: z.enum(['READ_ONLY', 'WHS', 'ADMIN']),
  tokenHash: secret(z.string().min(1)),
  prefix: z.string().min(1),
  createdById: uuid,
  expiresAt: timestamp.nullable(),
});

export const missedCheckInDetectedV1 = z.strictObject({
  id: uuid,
  personId: uuid,
  teamId: uuid,
  localDate,
  detectedAt: timestamp,
});

// Before version 2 a checkpoint did not carry the Merkle frontier it signed.
const sha256HexV1 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256');
export const auditCheckpointSignedV1 = z.strictObject({
  id: uuid,
  sequence: z.number().int().min(1),
  headHash: sha256HexV1,
  merkleRoot: sha256HexV1,
  signedAt: timestamp,
  keyId: z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits'),
  publicKey: z.string().min(1).max(200),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'must be an Ed25519 signature in base64url'),
});
