import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { childProcessEnv } from '@aegira/config';

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `pnpm start --instances N` or `--workers N` as an operator runs it, on the TypeScript sources. */
export interface Supervisor {
  /** Everything it and its children printed so far (children's lines prefixed `[a] `, `[b] `…). */
  output(): string;
  /** How many lines of the output start with `prefix` (say `[b] AEGIRA is running at`). */
  linesStartingWith(prefix: string): number;
  /** Waits for `condition`, or fails with the end of the output. */
  waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void>;
  /** The pid the supervisor last printed for child `name` (`[name] pid N on port …`). */
  pidOf(name: string): number;
  /** SIGTERM, as a process manager stops it; waits up to 15 s for it to exit. */
  stop(): Promise<void>;
}

export function startSupervisor(args: readonly string[], env: Record<string, string>): Supervisor {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: API_DIR,
    env: childProcessEnv({ set: env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return {
    output: () => output,
    linesStartingWith: (prefix) =>
      output.split('\n').filter((line) => line.startsWith(prefix)).length,
    async waitUntil(condition, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (await condition()) return;
        await sleep(100);
      }
      throw new Error(
        `timed out after ${timeoutMs} ms; supervisor output:\n${output.slice(-3000)}`,
      );
    },
    pidOf(name) {
      const matches = [...output.matchAll(new RegExp(`^\\[${name}\\] pid (\\d+) on port`, 'gm'))];
      return Number(matches.at(-1)?.[1]);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
    },
  };
}
