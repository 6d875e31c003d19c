import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

// OWASP's argon2id baseline (19 MiB, 2 passes); a login stays well under 100 ms.
// 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const ARGON2ID = 2;
const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

let verifications = 0;

/** How many password hashes this process has verified: tests prove a throttled login hashes nothing. */
export function passwordVerifications(): number {
  return verifications;
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  verifications += 1;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
const PHC_PARAMETERS = /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$/;

/**
 * True when a stored hash is weaker than what hashPassword makes today (another
 * argon2 variant, an older version, less memory or fewer passes): the next
 * successful login replaces it (resilience case AU-8).
 */
export function passwordNeedsRehash(passwordHash: string): boolean {
  const match = PHC_PARAMETERS.exec(passwordHash);
  if (!match) return true;
  const [, variant, version, memory, passes] = match;
  return (
    variant !== 'argon2id' ||
    Number(version) < 19 ||
    Number(memory) < ARGON2_OPTIONS.memoryCost ||
    Number(passes) < ARGON2_OPTIONS.timeCost
  );
}

// Verified against when the email is unknown, so both failures cost the same time.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('aegira-timing-equaliser-password');
  return dummyHash;
}
