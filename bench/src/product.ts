import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { childProcessEnv, repoRoot } from '@aegira/config';

export interface RunningProduct {
  url: string;
  stop(): Promise<void>;
}

/** Resolves with the first stdout line matching `pattern`, or rejects when the child exits. */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number) {
  return new Promise<RegExpMatchArray>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`no "${pattern}" within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = buffer.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before "${pattern}":\n${buffer.slice(-2000)}`));
    });
  });
}

/** Ctrl+C to the child's whole process group (pnpm runs the product under itself), then a hard kill. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    const pid = child.pid;
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-pid, name);
      } catch {
        child.kill(name);
      }
    };
    child.once('exit', () => resolve());
    signal('SIGINT');
    setTimeout(() => signal('SIGKILL'), 15_000).unref();
  });
}

/** The product's API as `pnpm start` runs it, on `DATABASE_URL`, on a free port. */
export async function startProduct(env: Record<string, string>): Promise<RunningProduct> {
  const child = spawn('pnpm', ['exec', 'tsx', path.join(repoRoot, 'apps/api/src/main.ts')], {
    cwd: repoRoot,
    env: childProcessEnv({ set: { PORT: '0', LOG_LEVEL: 'warn', ...env } }),
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const match = await waitForLine(child, /AEGIRA is running at (\S+)/, 120_000);
  const url = (match[1] ?? '').replace('localhost', '127.0.0.1');
  return { url, stop: () => stopChild(child) };
}
