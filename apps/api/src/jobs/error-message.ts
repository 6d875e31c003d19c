/** Longest error text kept in a job_runs row or a log line. */
const MAX_ERROR_LENGTH = 1000;

/**
 * The message of an error without its stack (job_runs are read by admins; stacks belong to
 * developers' tools), short enough for a table cell.
 */
export function errorMessage(error: unknown): string {
  const message =
    error instanceof Error
      ? `${error.name}: ${error.message}`
      : hasMessage(error)
        ? error.message
        : `Non-error thrown: ${String(error)}`;
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

/** pg-boss reports a worker's failure as a plain object copied from the error. */
function hasMessage(value: unknown): value is { message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'message' in value &&
    typeof value.message === 'string'
  );
}
