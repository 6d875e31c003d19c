import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

// aegira_<token id as 32 hex>_<43 url-safe characters of secret>. The id finds
// the record before any company is bound; only a hash of the secret is stored.
const TOKEN_PATTERN = /^aegira_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface ApiTokenCredential {
  tokenId: string;
  secret: string;
}

export interface NewApiTokenSecret {
  id: string;
  token: string;
  tokenHash: string;
  prefix: string;
}

function toUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function generateApiToken(): NewApiTokenSecret {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  const token = `aegira_${id.replaceAll('-', '')}_${secret}`;
  return { id, token, tokenHash: hashTokenSecret(secret), prefix: token.slice(0, 15) };
}

/** The credential in an `Authorization: Bearer …` header, or null when it is not one of ours. */
export function parseBearerToken(
  header: string | undefined,
): ApiTokenCredential | 'malformed' | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const parsed = match?.[1] ? TOKEN_PATTERN.exec(match[1]) : null;
  if (!parsed?.[1] || !parsed[2]) return 'malformed';
  return { tokenId: toUuid(parsed[1]), secret: parsed[2] };
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashTokenSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
