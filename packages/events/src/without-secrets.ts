import type { z } from 'zod';
import { REMOVE_FIELD, replaceMarked } from './schema-walk.ts';

/**
 * A copy of a payload valid for `schema` with every field marked secret
 * removed, wherever it is nested. Upcasters use it to take credentials out of
 * old payloads; the result is typed by the next version's schema, which the
 * upcaster chain validates it against.
 */
export function withoutSecrets<S extends z.ZodType>(schema: S, payload: z.output<S>): unknown {
  return replaceMarked(schema, payload, (mark, value) =>
    mark === 'secret' ? REMOVE_FIELD : value,
  );
}
