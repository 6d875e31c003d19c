import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorCode } from './pg-util.ts';

// A data directory's postmaster.pid and the process it names: whether a server
// from an earlier (perhaps killed) run is still there, and stopping it.

export const STOP_TIMEOUT_MS = 30_000;

export interface LiveServer {
  pid: number;
  port: number;
}

/**
 * Deal with a postmaster.pid left in the data directory. Returns the server to share when
 * another live process runs one there; otherwise clears the way for a fresh start.
 */
export async function inspectLockFile(
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
  const state = Number.isInteger(pid) && pid > 0 ? await processState(pid, dataDir) : 'gone';

  if (state === 'gone') {
    // PostgreSQL itself only trusts the pid in the lock file if that pid is dead; in a container
    // pids restart from 1 after a kill, so an unrelated live process (even another PostgreSQL,
    // on another data directory) can hold it. Leave that process alone; remove the file.
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

/**
 * What the process `pid` named by `dataDir`'s postmaster.pid is: gone (dead, or not a PostgreSQL
 * server on `dataDir`), an orphan (ours, its starter died), or owned by a live starter.
 */
export async function processState(
  pid: number,
  dataDir: string,
): Promise<'gone' | 'orphan' | 'owned'> {
  if (!isAlive(pid)) return 'gone';
  if (os.platform() !== 'linux') return 'owned';
  const comm = await fs.readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
  if (comm.trim() !== 'postgres') return 'gone';
  // A PostgreSQL that serves another data directory is not ours to stop, whatever its parent.
  if (!(await servesDataDir(pid, dataDir))) return 'gone';
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the parenthesised command name: state, ppid, ...
  const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
  if (!Number.isInteger(ppid) || ppid <= 1) return 'orphan';
  const parent = await fs.readFile(`/proc/${ppid}/comm`, 'utf8').catch(() => '');
  // Every process that starts the server is Node (scripts, server, test runner); a server whose
  // parent is anything else was re-parented to a reaper after its Node process died.
  return parent.trim() === 'node' ? 'owned' : 'orphan';
}

/**
 * Whether the postmaster `pid` serves `dataDir`: its `-D` argument (as we and pg_ctl start it),
 * else its working directory (a postmaster changes into its data directory). Unknown is no.
 */
export async function servesDataDir(pid: number, dataDir: string): Promise<boolean> {
  const expected = await fs.realpath(dataDir).catch(() => path.resolve(dataDir));
  const args = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
  const flag = args.indexOf('-D');
  const fromArgs =
    flag >= 0
      ? args[flag + 1]
      : args.find((arg) => arg.startsWith('--pgdata='))?.slice('--pgdata='.length);
  // A relative -D was relative to where it was started; the postmaster has moved since.
  const actual =
    fromArgs !== undefined && path.isAbsolute(fromArgs)
      ? fromArgs
      : await fs.readlink(`/proc/${pid}/cwd`).catch(() => undefined);
  if (actual === undefined) return false;
  const resolved = await fs.realpath(actual).catch(() => path.resolve(actual));
  return resolved === expected;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}

export async function stopPid(pid: number): Promise<void> {
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
