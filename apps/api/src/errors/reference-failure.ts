import { isForeignKeyViolation } from '@aegira/db';
import { AppError } from './app-error.ts';

/**
 * The AppError a client sees when the database refused a reference (a foreign key): the
 * record referred to does not exist for the caller's company. Services check references
 * first; this is the backstop for one they missed (resilience case TI-8), answered as
 * NOT_FOUND, never as a 500 naming the constraint. The original error stays as the cause,
 * for the log only.
 */
export function referenceFailureError(error: unknown): AppError | undefined {
  if (error instanceof AppError || !isForeignKeyViolation(error)) return undefined;
  return new AppError('NOT_FOUND', 'A record this change refers to was not found.', {
    cause: error,
  });
}
