import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childProcessEnv, DEVELOPMENT_APP_DB_PASSWORD } from '@aegira/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST_DIR } from '../../src/server.ts';
import { createTestApi, TEST_JWT_SECRET, type TestApi } from '../../test-support/api-harness.ts';
import { type ServedApp, serveApp } from '../../test-support/serve-app.ts';

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'aegira-production-config-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** `node src/main.ts` under `env`; resolves with its exit code and output (killed after 60 s). */
function start(
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: API_DIR,
      env: { ...childProcessEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, output });
    });
  });
}

// What every start below shares: production, nothing embedded (an unreachable database,
// which is never reached: the configuration is refused first), a throwaway data folder.
const production = () => ({
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://nobody:nothing@127.0.0.1:1/none',
  AEGIRA_DATA_DIR: dataDir,
  AEGIRA_JOBS: 'off',
  PORT: '0',
});

describe('production configuration', () => {
  it('refuses to start without JWT_SECRET, with a clear message and a non-zero exit', async () => {
    const { code, output } = await start({
      ...production(),
      JWT_SECRET: undefined,
      AEGIRA_APP_DB_PASSWORD: 'a-real-secret-app-password',
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/AEGIRA failed to start: Invalid environment/);
    expect(output).toMatch(/JWT_SECRET: required when NODE_ENV=production/);
    expect(output).not.toMatch(/AEGIRA is running/);
  });

  it('refuses to start with the development app-role password (the default when unset)', async () => {
    // Unset means the development default; setting it explicitly is refused alike (env.unit.test.ts).
    const { code, output } = await start({
      ...production(),
      JWT_SECRET: TEST_JWT_SECRET,
      AEGIRA_APP_DB_PASSWORD: undefined,
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/AEGIRA_APP_DB_PASSWORD: the development password is not allowed/);
    // The message names the variable, never the password itself.
    expect(output).not.toContain(DEVELOPMENT_APP_DB_PASSWORD);
  });
});

describe('source maps', () => {
  let api: TestApi;
  let served: ServedApp;
  let webDist: string;
  beforeAll(async () => {
    // A build that did write a map (as a misconfigured build would): it must still not be served.
    webDist = path.join(dataDir, 'dist');
    await mkdir(path.join(webDist, 'assets'), { recursive: true });
    await writeFile(path.join(webDist, 'index.html'), '<!doctype html><title>AEGIRA</title>');
    await writeFile(
      path.join(webDist, 'assets', 'app.js'),
      'console.log(1);\n//# sourceMappingURL=app.js.map',
    );
    await writeFile(
      path.join(webDist, 'assets', 'app.js.map'),
      '{"version":3,"sources":["secret.ts"]}',
    );
    api = await createTestApi();
    served = await serveApp(api, { webDistDir: webDist });
  });
  afterAll(async () => {
    await served?.close();
    await api?.close();
  });

  it('the server never serves a .map file, nor the app shell in its place', async () => {
    const script = await fetch(`${served.url}/assets/app.js`);
    expect(script.status).toBe(200);
    const map = await fetch(`${served.url}/assets/app.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('secret.ts');
  });

  it.runIf(existsSync(WEB_DIST_DIR))('the built web app contains no source maps', async () => {
    const files = await readdir(WEB_DIST_DIR, { recursive: true });
    expect(files.filter((file) => String(file).endsWith('.map'))).toEqual([]);
  });
});
