import type { Db } from '../client.ts';

/** The claims of a signature-checked session token, as the session check reads them. */
export interface SessionClaimsToCheck {
  personId: string;
  companyId: string;
  tokenVersion: number;
}

/**
 * Which of many sessions still hold, in one statement (the same narrow
 * `app_session_user` every request asks, once per claim): live streams re-check
 * their sessions together, so a roster change heard by a thousand streams costs
 * one query, not a thousand. Returns the indexes of the claims that hold.
 */
export async function findLiveSessions(
  db: Db,
  claims: readonly SessionClaimsToCheck[],
): Promise<Set<number>> {
  if (claims.length === 0) return new Set();
  const rows = await db.$queryRawUnsafe<Array<{ ordinality: bigint | number }>>(
    `SELECT c.ordinality
     FROM unnest($1::uuid[], $2::uuid[], $3::integer[]) WITH ORDINALITY
          AS c(person_id, company_id, token_version, ordinality)
     WHERE EXISTS (SELECT 1 FROM app_session_user(c.person_id, c.company_id, c.token_version))`,
    claims.map((claim) => claim.personId),
    claims.map((claim) => claim.companyId),
    claims.map((claim) => claim.tokenVersion),
  );
  return new Set(rows.map((row) => Number(row.ordinality) - 1));
}
