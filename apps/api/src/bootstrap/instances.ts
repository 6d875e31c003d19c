import { type ChildProcess, spawn } from 'node:child_process';
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { childProcessEnv, env } from '@aegira/config';
import { ensureDatabase } from '@aegira/db/server';
import { demoMode, runningBanner, webIsBuilt } from './banner.ts';
import { acquireInstanceLock } from './instance-lock.ts';
import { resolveJwtSecret } from './jwt-secret.ts';

const MAX_INSTANCES = 16;
const RESTART_DELAY_MS = 1_000;
const STOP_DEADLINE_MS = 12_000;
const BANNER_DELAY_MS = 100;

/**
 * How many API processes to run, and how they take requests:
 * - `--instances N`: N processes on PORT, PORT+1, …, each its own address, for a proxy in front;
 * - `--workers N` (or `--workers auto`, one per core): N processes sharing PORT through
 *   node:cluster, one address, so one machine's cores all serve it (issue 10, decision 047).
 */
export interface InstancesPlan {
  count: number;
  sharedPort: boolean;
}

/** The number after `--<flag>` (or `--<flag>=N`) among the arguments, or null when absent. */
function flagValue(args: readonly string[], flag: string): string | null {
  const index = args.findIndex((arg) => arg === `--${flag}` || arg.startsWith(`--${flag}=`));
  if (index < 0) return null;
  const arg = args[index] ?? '';
  return (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1]) ?? '';
}

function countOf(flag: 'instances' | 'workers', raw: string): number {
  if (flag === 'workers' && raw === 'auto') return Math.min(availableParallelism(), MAX_INSTANCES);
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > MAX_INSTANCES) {
    const auto = flag === 'workers' ? ', or auto (one per core)' : '';
    throw new Error(
      `--${flag} takes a whole number from 1 to ${MAX_INSTANCES}${auto} (got ${raw || 'nothing'})`,
    );
  }
  return count;
}

/** `--instances N` or `--workers N|auto` among the arguments, or null when neither is. */
export function instancesRequested(args: readonly string[]): InstancesPlan | null {
  const instances = flagValue(args, 'instances');
  const workers = flagValue(args, 'workers');
  if (instances !== null && workers !== null) {
    throw new Error('--instances and --workers exclude each other: choose one');
  }
  if (instances !== null) return { count: countOf('instances', instances), sharedPort: false };
  if (workers !== null) return { count: countOf('workers', workers), sharedPort: true };
  return null;
}

interface Child {
  name: string;
  port: number;
  process: ChildProcess | undefined;
}

/**
 * A worker of `--workers`: the same entry and Node flags as this process, without the flag. It
 * listens on PORT like a single process; node:cluster makes that one socket, held by this
 * process, which hands each new connection to the workers in turn.
 */
function forkWorker(env: NodeJS.ProcessEnv): ChildProcess {
  cluster.setupPrimary({
    exec: process.argv[1] ?? '',
    args: [],
    execArgv: process.execArgv,
    silent: true,
  });
  return cluster.fork(env).process;
}

/**
 * `pnpm start --instances N` or `--workers N`: one PostgreSQL (embedded unless DATABASE_URL),
 * prepared once, then N API processes sharing it by DATABASE_URL and one JWT secret (so a
 * session is valid on every one). Instances take PORT, PORT+1, …: the proxy in front
 * (docs/deployment.md) is the operator's, and this is the same topology on one machine.
 * Workers share PORT (node:cluster), and the address is printed once all of them listen.
 * A child that dies is restarted; Ctrl+C stops them all, then the database.
 */
export async function runInstances({ count, sharedPort }: InstancesPlan): Promise<void> {
  const config = env();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const what = sharedPort ? 'workers' : 'instances';
  say(`AEGIRA is starting ${count} ${what}${sharedPort ? ` on one port` : ''}…`);
  // The children reach the database by DATABASE_URL and take no lock; this process holds it.
  if (!config.DATABASE_URL) await acquireInstanceLock(config.AEGIRA_DATA_DIR);
  const database = await ensureDatabase({ log: (line) => say(`  ${line}`) });
  const jwtSecret = resolveJwtSecret(config.JWT_SECRET, config.AEGIRA_DATA_DIR);
  const children: Child[] = Array.from({ length: count }, (_, index) => ({
    name: String.fromCharCode(97 + index),
    port: sharedPort ? config.PORT : config.PORT + index,
    process: undefined,
  }));
  let stopping = false;
  if (sharedPort) announceWhenAllReady(count, config, say);

  const start = (child: Child) => {
    const childEnv = childProcessEnv({
      set: { DATABASE_URL: database.ownerUrl, PORT: String(child.port), JWT_SECRET: jwtSecret },
    });
    // The same entry this process runs (compiled main.js, or main.ts under tsx), without the flag.
    const spawned = sharedPort
      ? forkWorker(childEnv)
      : spawn(process.execPath, [...process.execArgv, process.argv[1] ?? ''], {
          env: childEnv,
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
    say(`\n${signal} received, stopping ${count} ${what}…`);
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
  if (!sharedPort) say(`Press Ctrl+C to stop all ${count} instances and the database.`);
}

/** What a worker of `--workers` tells the supervisor once it serves (where a single process prints its banner). */
interface WorkerReady {
  aegira: 'ready';
  url: string;
}

function isWorkerReady(message: unknown): message is WorkerReady {
  return (
    typeof message === 'object' &&
    message !== null &&
    Reflect.get(message, 'aegira') === 'ready' &&
    typeof Reflect.get(message, 'url') === 'string'
  );
}

export function tellSupervisorReady(url: string): void {
  const ready: WorkerReady = { aegira: 'ready', url };
  process.send?.(ready);
}

/**
 * The banner of a single process (address, demo logins), printed by the supervisor of
 * `--workers` once every worker is ready (listening, the demo seeded, jobs started), so the
 * address it prints serves on every worker.
 */
function announceWhenAllReady(
  count: number,
  config: ReturnType<typeof env>,
  say: (line: string) => void,
): void {
  const ready = new Set<number>();
  const onMessage = (worker: Worker, message: unknown) => {
    if (!isWorkerReady(message)) return;
    ready.add(worker.id);
    if (ready.size < count) return;
    cluster.off('message', onMessage);
    const lines = runningBanner(message.url, { hasWeb: webIsBuilt(), demo: demoMode(config) });
    lines.push(`\nPress Ctrl+C to stop all ${count} workers and the database.`);
    // A worker's output comes on its own pipe, which may be read after its "ready": a moment
    // lets its last lines come first, so the address is the last thing printed.
    setTimeout(() => {
      for (const line of lines) say(line);
    }, BANNER_DELAY_MS);
  };
  cluster.on('message', onMessage);
}
