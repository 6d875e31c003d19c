import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { childProcessEnv, env } from '@aegira/config';
import { ensureDatabase } from '@aegira/db/server';
import { acquireInstanceLock } from './instance-lock.ts';
import { resolveJwtSecret } from './jwt-secret.ts';

const MAX_INSTANCES = 16;
const RESTART_DELAY_MS = 1_000;
const STOP_DEADLINE_MS = 12_000;

/** `--instances N` (or `--instances=N`) among the arguments, or null when absent. */
export function instancesRequested(args: readonly string[]): number | null {
  const index = args.findIndex((arg) => arg === '--instances' || arg.startsWith('--instances='));
  if (index < 0) return null;
  const arg = args[index] ?? '';
  const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > MAX_INSTANCES) {
    throw new Error(`--instances takes a whole number from 1 to ${MAX_INSTANCES} (got ${raw})`);
  }
  return count;
}

interface Child {
  name: string;
  port: number;
  process: ChildProcess | undefined;
}

/**
 * `pnpm start --instances N`: one PostgreSQL (embedded unless DATABASE_URL),
 * prepared once, then N API processes on PORT, PORT+1, … sharing it by
 * DATABASE_URL and one JWT secret (so a session is valid on every instance).
 * A child that dies is restarted; Ctrl+C stops them all, then the database.
 * The proxy in front (docs/deployment.md) is the operator's; this is the
 * same topology on one machine.
 */
export async function runInstances(count: number): Promise<void> {
  const config = env();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`AEGIRA is starting ${count} instances…`);
  // The children reach the database by DATABASE_URL and take no lock; this process holds it.
  if (!config.DATABASE_URL) await acquireInstanceLock(config.AEGIRA_DATA_DIR);
  const database = await ensureDatabase({ log: (line) => say(`  ${line}`) });
  const jwtSecret = resolveJwtSecret(config.JWT_SECRET, config.AEGIRA_DATA_DIR);
  const children: Child[] = Array.from({ length: count }, (_, index) => ({
    name: String.fromCharCode(97 + index),
    port: config.PORT + index,
    process: undefined,
  }));
  let stopping = false;

  const start = (child: Child) => {
    // The same entry this process runs (compiled main.js, or main.ts under tsx), without --instances.
    const spawned = spawn(process.execPath, [...process.execArgv, process.argv[1] ?? ''], {
      env: childProcessEnv({
        set: {
          DATABASE_URL: database.ownerUrl,
          PORT: String(child.port),
          JWT_SECRET: jwtSecret,
        },
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.process = spawned;
    say(`[${child.name}] pid ${spawned.pid} on port ${child.port}`);
    const prefix = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.length > 0) stream.write(`[${child.name}] ${line}\n`);
      }
    };
    spawned.stdout?.on('data', prefix(process.stdout));
    spawned.stderr?.on('data', prefix(process.stderr));
    spawned.once('exit', (code, signal) => {
      if (stopping) return;
      say(`[${child.name}] exited (${signal ?? `code ${code}`}); restarting in 1 s`);
      setTimeout(() => {
        if (!stopping) start(child);
      }, RESTART_DELAY_MS);
    });
  };

  const stopAll = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal} received, stopping ${count} instances…`);
    setTimeout(() => process.exit(1), STOP_DEADLINE_MS).unref();
    await Promise.all(
      children.map(async (child) => {
        const running = child.process;
        if (!running || running.exitCode !== null || running.signalCode !== null) return;
        const exited = new Promise((resolve) => running.once('exit', resolve));
        running.kill('SIGTERM');
        await exited;
      }),
    );
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stopAll('SIGINT'));
  process.on('SIGTERM', () => void stopAll('SIGTERM'));

  for (const child of children) {
    start(child);
    // Staggered: the first one seeds the demo company, the others find it.
    await sleep(200);
  }
  say(`Press Ctrl+C to stop all ${count} instances and the database.`);
}
