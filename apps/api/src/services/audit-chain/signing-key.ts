import { env } from '@aegira/config';
import { auditChain } from '@aegira/db';
import { AppError } from '../../errors/app-error.ts';

let cached: auditChain.SigningKey | undefined;

/**
 * The checkpoint signing key (decision 017), resolved once per process: AEGIRA_AUDIT_KEY,
 * AEGIRA_AUDIT_KEY_FILE, or outside production a key generated into the data folder.
 */
export function auditSigningKey(): auditChain.SigningKey {
  const config = env();
  cached ??= auditChain.resolveAuditSigningKey({
    pem: config.AEGIRA_AUDIT_KEY,
    file: config.AEGIRA_AUDIT_KEY_FILE,
    dataDir: config.AEGIRA_DATA_DIR,
    generate: config.NODE_ENV !== 'production',
  });
  return cached;
}

/** The key, or an AppError an admin can act on (production without a configured key). */
export function requireAuditSigningKey(): auditChain.SigningKey {
  try {
    return auditSigningKey();
  } catch (error) {
    throw new AppError(
      'AUDIT_KEY_MISSING',
      'No audit signing key is configured: set AEGIRA_AUDIT_KEY_FILE on the server.',
      { cause: error },
    );
  }
}
