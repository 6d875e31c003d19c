/** Throughput and latency of one measured phase. */
export interface PhaseResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

export function summarise(latenciesMs: number[], errors: number, seconds: number): PhaseResult {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    requests: sorted.length,
    errors,
    seconds: round(seconds),
    perSecond: Math.round(sorted.length / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
  };
}

/**
 * Runs `connections` closed loops for `warmUpSeconds` and then `seconds` (or until `next`
 * returns null for every loop): each loop sends its next request as soon as the previous one
 * answered. Only requests sent after the warm-up count: the first ones of a phase open pooled
 * connections and plan statements, and in a 3-second quick phase one such request (over a
 * second) moved the 1-connection rate by a third.
 */
export async function closedLoops<C>(
  connections: readonly C[],
  seconds: number,
  send: (connection: C, index: number) => Promise<boolean> | null,
  warmUpSeconds = 1,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  let errors = 0;
  const measuredFrom = performance.now() + warmUpSeconds * 1000;
  const deadline = measuredFrom + seconds * 1000;
  let counter = 0;
  await Promise.all(
    connections.map(async (connection) => {
      while (performance.now() < deadline) {
        const begin = performance.now();
        const pending = send(connection, counter++);
        if (!pending) return;
        const ok = await pending;
        // An error counts whenever it happens; a latency only once the warm-up is over.
        if (!ok) errors += 1;
        else if (begin >= measuredFrom) latencies.push(performance.now() - begin);
      }
    }),
  );
  return summarise(latencies, errors, (performance.now() - measuredFrom) / 1000);
}
