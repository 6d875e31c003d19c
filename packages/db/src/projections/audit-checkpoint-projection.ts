import type { AuditCheckpoint } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import type { RowOf } from './row-state.ts';

// The sequence is a BIGINT column; rows travel as JSON, where a chain of a company stays far
// below 2^53 events, so it is a number here (to_jsonb reads it back as one).
export type AuditCheckpointRow = Omit<RowOf<AuditCheckpoint>, 'sequence'> & { sequence: number };

// A checkpoint is written once and never changes; later checkpoints are rows of their own.
export const auditCheckpointProjection = defineProjection<AuditCheckpointRow>({
  table: 'audit_checkpoints',
  companyColumn: 'company_id',
  on: {
    AUDIT_CHECKPOINT_SIGNED: {
      create: ({ payload: p, actorId }) => ({
        id: p.id,
        sequence: p.sequence,
        headHash: p.headHash,
        merkleRoot: p.merkleRoot,
        signedAt: p.signedAt,
        keyId: p.keyId,
        publicKey: p.publicKey,
        signature: p.signature,
        signedById: actorId,
      }),
    },
  },
});
