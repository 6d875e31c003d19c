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
 * Runs `connections` closed loops for `seconds` (or until `next` returns null
 * for every loop): each loop sends its next request as soon as the previous
 * one answered. Latency is measured per request.
 */
export async function closedLoops<C>(
  connections: readonly C[],
  seconds: number,
  send: (connection: C, index: number) => Promise<boolean> | null,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let counter = 0;
  await Promise.all(
    connections.map(async (connection) => {
      while (performance.now() < deadline) {
        const begin = performance.now();
        const pending = send(connection, counter++);
        if (!pending) return;
        const ok = await pending;
        if (ok) latencies.push(performance.now() - begin);
        else errors += 1;
      }
    }),
  );
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}
