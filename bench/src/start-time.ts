import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { childProcessEnv, repoRoot } from '@aegira/config';
import { stopChild, waitForLine } from './product.ts';

async function timeStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn('pnpm', ['start'], {
    cwd: repoRoot,
    env: childProcessEnv({ set: { AEGIRA_DATA_DIR: dataDir, PORT: '0' } }),
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  try {
    await waitForLine(child, /AEGIRA is running at/, 180_000);
    return Math.round((performance.now() - started) / 100) / 10;
  } finally {
    await stopChild(child);
  }
}

/** P5: `pnpm start` until it serves, on a fresh data folder and then again on the same one. */
export async function measureStart() {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'aegira-start-'));
  await fs.chmod(dataDir, 0o755);
  try {
    const freshSeconds = await timeStart(dataDir);
    const restartSeconds = await timeStart(dataDir);
    return { freshSeconds, restartSeconds };
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
