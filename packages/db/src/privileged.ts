import type { Db, ReadTx } from './client.ts';
import { readUnbound } from './direct-reads.ts';
import { Prisma } from './generated/prisma/client.ts';

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

/**
 * The login of `email` in the company whose slug is `companySlug`, or null when
 * either is unknown. Emails are unique per company (migration
 * per_company_accounts), so a login always names its company.
 */
export async function findLogin(
  db: Db,
  request: { companySlug: string; email: string },
): Promise<LoginRecord | null> {
  const rows = await db.$queryRaw<
    LoginRow[]
  >`SELECT * FROM app_find_login(${request.companySlug}, ${request.email})`;
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

/**
 * Whether a person of the bound company already uses `email`. Row-level
 * security limits it to that company: other companies' addresses are never
 * consulted, so the answer reveals nothing about them (resilience case TI-10).
 */
export async function isEmailTakenInCompany(read: ReadTx, email: string): Promise<boolean> {
  const rows = await read.$queryRaw<
    Array<{ taken: boolean }>
  >`SELECT EXISTS (SELECT 1 FROM persons WHERE email = lower(${email})) AS taken`;
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

export interface SessionPerson {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: 'ADMIN' | 'WHS' | 'SUPERVISOR' | 'TEAM_LEAD' | 'WORKER';
  company: { id: string; name: string; slug: string; timezone: string };
  /** An admin-set or one-time password: nothing but changing it is allowed until then. */
  mustChangePassword: boolean;
}

interface SessionRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: SessionPerson['role'];
  company_name: string;
  company_slug: string;
  company_timezone: string;
  must_change_password: boolean;
}

/**
 * The person behind a session token, in one statement with no transaction
 * (the check every request makes): null unless person and company are active
 * and the token's version is current.
 */
export async function findSessionPerson(
  db: Db,
  claims: { personId: string; companyId: string; tokenVersion: number },
): Promise<SessionPerson | null> {
  // Every request asks this first: a direct read (decision 044).
  const rows = await readUnbound<SessionRow>(
    db,
    Prisma.sql`SELECT * FROM app_session_user(${claims.personId}::uuid, ${claims.companyId}::uuid, ${claims.tokenVersion}::integer)`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    company: {
      id: claims.companyId,
      name: row.company_name,
      slug: row.company_slug,
      timezone: row.company_timezone,
    },
    mustChangePassword: row.must_change_password,
  };
}

export interface CompanyToSchedule {
  companyId: string;
  timezone: string;
}

/**
 * Every active company and its time zone: the scheduler's one question asked
 * with no company bound (app_list_companies, SECURITY DEFINER); its jobs then
 * bind each company in turn.
 */
export async function listCompaniesToSchedule(db: Db): Promise<CompanyToSchedule[]> {
  const rows = await db.$queryRaw<
    Array<{ company_id: string; timezone: string }>
  >`SELECT company_id, timezone FROM app_list_companies()`;
  return rows.map((row) => ({ companyId: row.company_id, timezone: row.timezone }));
}
