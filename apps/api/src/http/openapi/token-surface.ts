import { z } from 'zod';
import { appRouter } from '../../trpc/router.ts';

/**
 * The procedures an API token may call, as REST operations: every query and
 * mutation built on tenantProcedure (meta `apiToken: true`), not those built on
 * sessionProcedure (meta `apiToken: false`) nor public ones, and no subscription.
 * The mapping is a rule, not a table, so a new procedure is documented and
 * served the moment it exists:
 *   query    `a.b` → GET  /api/v1/a/b   input as query parameters
 *   mutation `a.b` → POST /api/v1/a/b   input as a JSON body
 * and the answer is the procedure's output as JSON (no tRPC envelope).
 */
export const REST_PREFIX = '/api/v1';

export interface TokenOperation {
  /** The tRPC path, also the operationId: `holidays.create`. */
  procedure: string;
  type: 'query' | 'mutation';
  method: 'get' | 'post';
  path: string;
  input: z.ZodType | undefined;
  output: z.ZodType | undefined;
}

interface ProcedureDef {
  type: unknown;
  inputs: unknown;
  output?: unknown;
  meta?: unknown;
}

function tokenMayCall(def: ProcedureDef): boolean {
  return (
    typeof def.meta === 'object' && def.meta !== null && Reflect.get(def.meta, 'apiToken') === true
  );
}

function defOf(procedure: unknown): ProcedureDef | undefined {
  if (typeof procedure !== 'function' && typeof procedure !== 'object') return undefined;
  if (procedure === null) return undefined;
  const def: unknown = Reflect.get(procedure, '_def');
  if (typeof def !== 'object' || def === null || !('type' in def) || !('inputs' in def)) {
    return undefined;
  }
  return def;
}

function zodOrUndefined(value: unknown): z.ZodType | undefined {
  return value instanceof z.ZodType ? value : undefined;
}

let cached: TokenOperation[] | undefined;

export function tokenOperations(): TokenOperation[] {
  cached ??= Object.entries(appRouter._def.procedures as Record<string, unknown>)
    .flatMap(([procedure, value]): TokenOperation[] => {
      const def = defOf(value);
      if (!def || !tokenMayCall(def)) return [];
      if (def.type !== 'query' && def.type !== 'mutation') return [];
      const inputs = Array.isArray(def.inputs) ? def.inputs : [];
      return [
        {
          procedure,
          type: def.type,
          method: def.type === 'query' ? 'get' : 'post',
          path: `${REST_PREFIX}/${procedure.split('.').join('/')}`,
          input: zodOrUndefined(inputs[0]),
          output: zodOrUndefined(def.output),
        },
      ];
    })
    .sort((a, b) => a.procedure.localeCompare(b.procedure));
  return cached;
}
