import type { ApiToken } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import type { RowOf } from './row-state.ts';

export type ApiTokenRow = RowOf<ApiToken>;

// The token's hash is a credential: it lives in api_token_secrets, outside the log.
export const apiTokenProjection = defineProjection<ApiTokenRow>({
  table: 'api_tokens',
  companyColumn: 'company_id',
  on: {
    API_TOKEN_CREATED: {
      create: ({ payload: t }) => ({
        id: t.id,
        name: t.name,
        scope: t.scope,
        prefix: t.prefix,
        createdById: t.createdById,
        expiresAt: t.expiresAt,
        revokedAt: null,
        revokedById: null,
      }),
    },
    API_TOKEN_REVOKED: {
      rowId: (p) => p.id,
      evolve: (row, { payload: t }) => ({
        ...row,
        revokedAt: t.revokedAt,
        revokedById: t.revokedById,
      }),
    },
  },
});
