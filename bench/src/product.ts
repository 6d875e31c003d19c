import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { childProcessEnv, repoRoot } from '@aegira/config';

/** What `pnpm start` runs in production (docs/decisions/018-compiled-api-build.md). */
const API_BUNDLE = path.join(repoRoot, 'apps/api/dist/main.js');
const WEB_INDEX = path.join(repoRoot, 'apps/web/dist/index.html');
/** The sources esbuild puts into the bundle (apps/api/scripts/build.ts). */
const BUNDLED_SOURCES = [
  'apps/api/src',
  'packages/config/src',
  'packages/db/src',
  'packages/domain/src',
  'packages/events/src',
];

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

async function modifiedAt(file: string): Promise<number | null> {
  try {
    return (await fs.stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

async function newestSource(): Promise<number> {
  let newest = 0;
  for (const dir of BUNDLED_SOURCES) {
    const entries = await fs.readdir(path.join(repoRoot, dir), {
      recursive: true,
      withFileTypes: true,
    });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      newest = Math.max(newest, (await modifiedAt(path.join(entry.parentPath, entry.name))) ?? 0);
    }
  }
  return newest;
}

function run(args: string[]): void {
  const result = spawnSync('pnpm', args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`pnpm ${args.join(' ')} failed (${result.status})`);
}

/**
 * The build the bench measures: `pnpm build` when there is none (as `pnpm start` does on a
 * fresh clone), and the API bundle again when a bundled source changed since it was built,
 * so the numbers are never those of older code. The web build is left as it is (P4 only
 * loads it).
 */
export async function ensureBuild(say: (line: string) => void): Promise<void> {
  const bundle = await modifiedAt(API_BUNDLE);
  if (bundle === null || (await modifiedAt(WEB_INDEX)) === null) {
    say('No build found: running `pnpm build` once…');
    run(['build']);
  } else if ((await newestSource()) > bundle) {
    say('API sources changed since the last build: rebuilding the bundle…');
    run(['--filter', '@aegira/api', 'build']);
  }
}

/**
 * How the bench runs the product: one API process per core on one port, as
 * `pnpm start --workers auto` (decision 047), the way to use a machine's cores. The database
 * and the load generator share those cores.
 */
export const PRODUCT_ARGS = ['--workers', 'auto'] as const;

/**
 * The product's API as `pnpm start --workers auto` runs it: the compiled bundle under plain
 * Node (built first when missing or older than its sources), on `DATABASE_URL`, on a free port.
 */
export async function startProduct(env: Record<string, string>): Promise<RunningProduct> {
  await ensureBuild((line) => process.stdout.write(`${line}\n`));
  const child = spawn(process.execPath, [API_BUNDLE, ...PRODUCT_ARGS], {
    cwd: repoRoot,
    env: childProcessEnv({ set: { PORT: '0', LOG_LEVEL: 'warn', ...env } }),
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const match = await waitForLine(child, /AEGIRA is running at (\S+)/, 120_000);
  const url = (match[1] ?? '').replace('localhost', '127.0.0.1');
  return { url, stop: () => stopChild(child) };
}
