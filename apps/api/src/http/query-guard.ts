import type { NextFunction, Request, Response } from 'express';
import { findInputProblem } from './input-guard.ts';

/**
 * The input guard (input-guard.ts) for the plain HTTP routes under /api: the CSV
 * exports' and the REST mapping's query strings, before any of their schemas. tRPC
 * runs the same check on its decoded input in a middleware (trpc/init.ts).
 */
export function queryGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    const problem = findInputProblem(req.query);
    if (!problem) {
      next();
      return;
    }
    const fieldErrors = Object.create(null) as Record<string, string[]>;
    fieldErrors[problem.path] = [problem.message];
    const requestId: unknown = res.locals.requestId;
    res.status(400).json({
      error: {
        code: 'BAD_REQUEST',
        message: `Invalid query — ${problem.path}: ${problem.message}`,
        appCode: 'VALIDATION_FAILED',
        fieldErrors,
        ...(typeof requestId === 'string' ? { requestId } : {}),
      },
    });
  };
}
