import type { CredentialRevokedError } from '@aegira/db';
import { AppError } from './app-error.ts';

/**
 * The 401 of a credential the write transaction found revoked after the request had been
 * let in (logout, password or role change, deactivation, token revocation in between):
 * the same answer the request would get if it arrived now.
 */
export function revokedCredentialError(error: CredentialRevokedError): AppError {
  return error.credential === 'session'
    ? new AppError('SESSION_EXPIRED', 'Your session has ended. Please log in again.')
    : new AppError('INVALID_API_TOKEN', 'The API token is invalid, expired or revoked.');
}
