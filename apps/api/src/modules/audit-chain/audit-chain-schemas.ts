import { z } from 'zod';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const checkpointOutput = z.object({
  id: z.uuid(),
  sequence: z.number().int().min(1),
  headHash: hex64,
  merkleRoot: hex64,
  signedAt: z.iso.datetime(),
  keyId: z.string(),
  signedById: z.uuid().nullable(),
});

export const auditIntegrityOutput = z.object({
  checkpoint: checkpointOutput.nullable(),
  checkpoints: z.number().int().min(0),
  events: z.number().int().min(0),
  sealed: z.number().int().min(0),
  signingKeyId: z.string().nullable(),
  publicKey: z.string().nullable(),
});

export const signCheckpointOutput = z.object({
  signed: z.boolean(),
  integrity: auditIntegrityOutput,
});

export const verifyRunOutput = z.object({
  id: z.uuid(),
  state: z.enum(['queued', 'running', 'intact', 'broken', 'failed']),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  checked: z.number().int().nullable(),
  total: z.number().int().nullable(),
  verifiedThrough: z.number().int().nullable(),
  intactUpToCheckpoint: z.number().int().nullable(),
  firstBrokenSeq: z.number().int().nullable(),
  message: z.string().nullable(),
});

export const verifyStatusInput = z.strictObject({
  runId: z.uuid('must be the id of a verification run').optional(),
});

export const verifyStatusOutput = z.object({ run: verifyRunOutput.nullable() });
