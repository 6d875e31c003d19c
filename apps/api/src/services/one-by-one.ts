/**
 * Runs reads one after another and returns their results as a tuple, like
 * `Promise.all`. Inside a transaction every query goes over one connection:
 * node-postgres queues a query sent while another runs (and warns that pg@9
 * will refuse it), so `Promise.all` there buys no parallelism, only the warning.
 * Each step is a thunk because Prisma's queries start only when awaited.
 */
export async function oneByOne<const T extends readonly (() => unknown)[]>(
  ...steps: T
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  // The loop keeps the order of `steps`, which is what the mapped tuple type says.
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
