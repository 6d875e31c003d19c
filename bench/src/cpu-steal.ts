import { readFileSync } from 'node:fs';

// Why the bench samples CPU steal (docs/performance.md, run of 2026-12-02 07:07): on a shared
// VM the hypervisor's steal moved the API's CPU per submit between 8 and 12.4 ms for the same
// code, and halved the raw-SQL rate, so a P1 row means little without it.

/** The machine's CPU time counters (Linux /proc/stat, first line), or null where there are none. */
function cpuTicks(): number[] | null {
  try {
    const [line] = readFileSync('/proc/stat', 'utf8').split('\n');
    const ticks = (line ?? '').trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: the eight fields that add up to the total.
    return ticks.length >= 8 && ticks.every(Number.isFinite) ? ticks.slice(0, 8) : null;
  } catch {
    return null;
  }
}

const STEAL = 7;

/**
 * Starts a sample of the machine's CPU time; the function returned tells the share of it the
 * hypervisor stole since (percent, one decimal), or null where /proc/stat is not there.
 */
export function stealMeter(): () => number | null {
  const before = cpuTicks();
  return () => {
    const after = cpuTicks();
    if (!before || !after) return null;
    const spent = after.map((tick, index) => tick - (before[index] ?? 0));
    const total = spent.reduce((sum, tick) => sum + tick, 0);
    return total > 0 ? Math.round((1000 * (spent[STEAL] ?? 0)) / total) / 10 : null;
  };
}

/** A steal share as the table prints it. */
export function stealText(percent: number | null): string {
  return percent === null ? 'n/a' : `${percent} %`;
}
