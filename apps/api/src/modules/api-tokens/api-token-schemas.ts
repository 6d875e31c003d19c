import { z } from 'zod';

const scope = z.enum(['READ_ONLY', 'WHS', 'ADMIN'], {
  error: 'must be READ_ONLY, WHS or ADMIN',
});

export const createApiTokenInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(3, 'must be at least 3 characters')
    .max(100, 'must be at most 100 characters'),
  scope,
  expiresAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO date-time' })
    .nullable()
    .optional(),
});

export const apiTokenIdInput = z.strictObject({ id: z.uuid('must be an API token id') });

export const apiTokenOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  scope,
  prefix: z.string(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});

export const createdApiTokenOutput = z.object({
  /** Shown once; only its hash is stored. */
  token: z.string(),
  apiToken: apiTokenOutput,
});

export const apiTokenListOutput = z.object({ items: z.array(apiTokenOutput) });
