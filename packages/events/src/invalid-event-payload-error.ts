import type { z } from 'zod';

export type PayloadIssue = { path: string; message: string };

/**
 * A payload that does not match its (type, version) schema, or names a type or
 * version that never existed. Thrown before anything is stored or replayed.
 */
export class InvalidEventPayloadError extends Error {
  constructor(
    readonly type: string,
    readonly issues: ReadonlyArray<PayloadIssue>,
    /** Set when a past version was being read, so the message says which one failed. */
    readonly version?: number,
  ) {
    const subject = version === undefined ? type : `${type} v${version}`;
    super(
      `Invalid ${subject} payload: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
    );
    this.name = 'InvalidEventPayloadError';
  }
}

/** Zod's issues in the flat form the error carries (and API clients get to see). */
export function payloadIssues(error: z.ZodError): PayloadIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}
