import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  generateSigningKeyPem,
  type SigningKey,
  signingKeyFromPem,
} from './checkpoint-signature.ts';

/** Where the key is kept when none is configured: the data folder, beside the JWT secret. */
export const AUDIT_KEY_FILE_NAME = 'audit-signing-key.pem';

export interface SigningKeySource {
  /** A PKCS#8 PEM (AEGIRA_AUDIT_KEY), e.g. from a secret store. */
  pem?: string | undefined;
  /** A path to one (AEGIRA_AUDIT_KEY_FILE). */
  file?: string | undefined;
  /** The data folder, for the generated default. */
  dataDir: string;
  /** Generate the default file when missing (not in production). */
  generate: boolean;
}

/**
 * The checkpoint signing key, never stored in the database: the configured PEM, the
 * configured file, or (outside production) a key generated once into the data folder with
 * mode 0600. Losing it ends nothing: a new key signs later checkpoints under a new key id.
 */
export function resolveAuditSigningKey(source: SigningKeySource): SigningKey {
  if (source.pem) return signingKeyFromPem(source.pem);
  if (source.file) return signingKeyFromPem(readFileSync(source.file, 'utf8'));
  const file = path.join(source.dataDir, AUDIT_KEY_FILE_NAME);
  if (existsSync(file)) return signingKeyFromPem(readFileSync(file, 'utf8'));
  if (!source.generate) {
    throw new Error(
      'No audit signing key: set AEGIRA_AUDIT_KEY_FILE (or AEGIRA_AUDIT_KEY) to an Ed25519 PKCS#8 PEM',
    );
  }
  mkdirSync(source.dataDir, { recursive: true });
  const pem = generateSigningKeyPem();
  try {
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  } catch (error) {
    // Another process (an instance starting beside this one) wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return signingKeyFromPem(readFileSync(file, 'utf8'));
  }
  return signingKeyFromPem(pem);
}
