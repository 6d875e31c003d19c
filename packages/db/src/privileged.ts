import type { Db, ReadTx } from './client.ts';

// Before a session exists there is no company to bind, yet login must find a
// person by email and sign-up must know whether a slug is free. These narrow
// SECURITY DEFINER functions (migration "security") answer exactly that and
// nothing more; the application role cannot read the tables unbound.

export interface LoginRecord {
  personId: string;
  companyId: string;
  passwordHash: string;
  personActive: boolean;
  companyActive: boolean;
  tokenVersion: number;
}

interface LoginRow {
  person_id: string;
  company_id: string;
  password_hash: string;
  person_active: boolean;
  company_active: boolean;
  token_version: number;
}

export async function findLoginByEmail(db: Db, email: string): Promise<LoginRecord | null> {
  const rows = await db.$queryRaw<LoginRow[]>`SELECT * FROM app_find_login(${email})`;
  const row = rows[0];
  if (!row) return null;
  return {
    personId: row.person_id,
    companyId: row.company_id,
    passwordHash: row.password_hash,
    personActive: row.person_active,
    companyActive: row.company_active,
    tokenVersion: row.token_version,
  };
}

export async function isCompanySlugTaken(db: Db, slug: string): Promise<boolean> {
  const rows = await db.$queryRaw<
    Array<{ taken: boolean }>
  >`SELECT app_company_slug_taken(${slug}) AS taken`;
  return rows[0]?.taken ?? false;
}

/** Across every company (emails are globally unique); also callable inside a command's `tx`. */
export async function isEmailTaken(db: Db | ReadTx, email: string): Promise<boolean> {
  const rows = await db.$queryRaw<
    Array<{ taken: boolean }>
  >`SELECT app_email_taken(${email}) AS taken`;
  return rows[0]?.taken ?? false;
}

export interface ApiTokenRecord {
  companyId: string;
  tokenHash: string;
  scope: 'READ_ONLY' | 'WHS' | 'ADMIN';
  createdById: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

interface ApiTokenRow {
  company_id: string;
  token_hash: string;
  scope: ApiTokenRecord['scope'];
  created_by_id: string;
  expires_at: Date | null;
  revoked_at: Date | null;
}

/** The company and secret hash of an API token, looked up before any company is bound. */
export async function findApiToken(db: Db, tokenId: string): Promise<ApiTokenRecord | null> {
  const rows = await db.$queryRaw<
    ApiTokenRow[]
  >`SELECT * FROM app_find_api_token(${tokenId}::uuid)`;
  const row = rows[0];
  if (!row) return null;
  return {
    companyId: row.company_id,
    tokenHash: row.token_hash,
    scope: row.scope,
    createdById: row.created_by_id,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}
