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

const IDLE = 3;
const IOWAIT = 4;
const STEAL = 7;

/** Shares of the machine's CPU time over a sample, in percent with one decimal. */
export interface CpuShares {
  /** Working for anyone on this machine (user, system, interrupts). */
  busy: number;
  /** Taken by the hypervisor for other machines. */
  steal: number;
}

/**
 * Starts a sample of the machine's CPU time; the function returned tells how it was spent
 * since, or null where /proc/stat is not there. `busy` near 100 % says a phase was bound by the
 * cores themselves: it can only go faster with less work, not with more overlap.
 */
export function cpuMeter(): () => CpuShares | null {
  const before = cpuTicks();
  return () => {
    const after = cpuTicks();
    if (!before || !after) return null;
    const spent = after.map((tick, index) => tick - (before[index] ?? 0));
    const total = spent.reduce((sum, tick) => sum + tick, 0);
    if (total <= 0) return null;
    const share = (ticks: number) => Math.round((1000 * ticks) / total) / 10;
    const steal = spent[STEAL] ?? 0;
    const resting = (spent[IDLE] ?? 0) + (spent[IOWAIT] ?? 0);
    return { busy: share(total - resting - steal), steal: share(steal) };
  };
}

/** cpuMeter's steal share alone (percent), for the P1 rows. */
export function stealMeter(): () => number | null {
  const meter = cpuMeter();
  return () => meter()?.steal ?? null;
}

/** How a phase used the machine, as the bench prints it. */
export function cpuText(shares: CpuShares | null): string {
  return shares === null ? 'cores n/a' : `cores busy ${shares.busy} %, steal ${shares.steal} %`;
}

/** A steal share as the table prints it. */
export function stealText(percent: number | null): string {
  return percent === null ? 'n/a' : `${percent} %`;
}
