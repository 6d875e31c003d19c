import { createSecretKey, type KeyObject, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';

// One algorithm, pinned on both sides: a token signed with anything else
// (including "none") is refused.
const ALGORITHM = 'HS256';
export const SESSION_TTL_SECONDS = 60 * 60;
/** A token older than this is replaced on the next request (sliding session). */
export const SESSION_RENEW_AFTER_SECONDS = 15 * 60;
const ISSUER = 'aegira';

const claimsSchema = z.object({
  sub: z.uuid(),
  cid: z.uuid(),
  ver: z.number().int().min(0),
  iat: z.number().int(),
  exp: z.number().int(),
  // Random per token: two logins in the same second still get different tokens.
  jti: z.uuid(),
});

// jsonwebtoken turns a string secret into a KeyObject on every call, which
// showed in the request profile; one key per secret is made once.
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

export interface SessionClaims {
  personId: string;
  companyId: string;
  tokenVersion: number;
  issuedAt: number;
}

export function signSessionToken(
  secret: string,
  claims: { personId: string; companyId: string; tokenVersion: number },
): string {
  return jwt.sign({ cid: claims.companyId, ver: claims.tokenVersion }, keyOf(secret), {
    algorithm: ALGORITHM,
    subject: claims.personId,
    expiresIn: SESSION_TTL_SECONDS,
    issuer: ISSUER,
    jwtid: randomUUID(),
  });
}

/** The claims of a valid token, or null for anything tampered, expired or malformed. */
export function verifySessionToken(secret: string, token: string): SessionClaims | null {
  try {
    const decoded = jwt.verify(token, keyOf(secret), { algorithms: [ALGORITHM], issuer: ISSUER });
    const parsed = claimsSchema.safeParse(decoded);
    if (!parsed.success) return null;
    return {
      personId: parsed.data.sub,
      companyId: parsed.data.cid,
      tokenVersion: parsed.data.ver,
      issuedAt: parsed.data.iat,
    };
  } catch {
    return null;
  }
}
