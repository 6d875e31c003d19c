import { readFileSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const INSTANCE_LOCK_FILE = 'aegira.pid';

export class InstanceLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Another AEGIRA instance (pid ${pid}) is already running on the data folder ${dataDir}. ` +
        'Stop it first, or give this one its own folder with AEGIRA_DATA_DIR ' +
        '(several API instances share one database through `pnpm start --instances N` or DATABASE_URL).',
    );
    this.name = 'InstanceLockedError';
  }
}

/**
 * `<dataDir>/aegira.pid`, holding this process's pid while it runs the embedded database
 * there. A second instance on the same folder would share the first's PostgreSQL, and the
 * first one's shutdown would stop it under the second. A lock whose pid is dead (or is no
 * Node process: pids are reused after a container restart) is stale and taken over.
 * Released when the process exits.
 */
export async function acquireInstanceLock(dataDir: string): Promise<() => void> {
  await fs.mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, INSTANCE_LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await fs.writeFile(lockPath, `${process.pid}\n`, { flag: 'wx' });
      const release = () => {
        // Only our own lock: a stale-lock takeover may have replaced it.
        if (readPid(lockPath) === process.pid) rmSync(lockPath, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
    }
    const holder = readPid(lockPath);
    if (holder !== undefined && holder !== process.pid && (await isLiveNodeProcess(holder))) {
      throw new InstanceLockedError(dataDir, holder);
    }
    // Stale (or empty: a holder that died between creating and writing it).
    await fs.rm(lockPath, { force: true });
  }
  throw new Error(`Could not take ${lockPath}: another process keeps replacing it`);
}

function readPid(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function isLiveNodeProcess(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, but another user's.
    if (!isErrno(error, 'EPERM')) return false;
  }
  if (os.platform() !== 'linux') return true;
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  // Unreadable: assume it is the holder rather than start a second instance.
  if (cmdline === undefined) return true;
  const program = path.basename(cmdline.split('\0')[0] ?? '');
  return program.startsWith('node');
}

function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
