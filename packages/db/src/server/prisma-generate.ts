import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { childProcessEnv } from '@aegira/config';
import { dbPackageDir, generatedClientDir, schemaPath } from './paths.ts';

/** Hash of the inputs of the last generate, so a stale client is noticed even after a checkout. */
const STAMP_FILE = path.join(generatedClientDir, '.schema-hash');

interface PrismaCli {
  entry: string;
  version: string;
}

async function prismaCli(): Promise<PrismaCli> {
  const packageJsonPath = createRequire(path.join(dbPackageDir, 'package.json')).resolve(
    'prisma/package.json',
  );
  const manifest: unknown = JSON.parse(await fs.readFile(packageJsonPath, 'utf8'));
  const version =
    typeof manifest === 'object' &&
    manifest !== null &&
    'version' in manifest &&
    typeof manifest.version === 'string'
      ? manifest.version
      : 'unknown';
  return { entry: path.join(path.dirname(packageJsonPath), 'build', 'index.js'), version };
}

/** `prisma generate` for packages/db/prisma/schema.prisma. */
export async function generatePrismaClient(
  options: { log?: (message: string) => void } = {},
): Promise<void> {
  const log = options.log ?? (() => undefined);
  const cli = await prismaCli();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli.entry, 'generate', '--schema', schemaPath], {
      cwd: dbPackageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childProcessEnv({
        // The CLI downloads its native schema engine before every command, generate included,
        // and that download cannot succeed here. Generate never runs the engine, so any
        // existing executable satisfies the check. A default, so that a value the user set wins.
        defaults: {
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
          // Otherwise the CLI phones home for update notices, which fails slowly when offline.
          CHECKPOINT_DISABLE: '1',
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
        },
      }),
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        log(output.trim());
        resolve();
      } else {
        reject(new Error(`prisma generate failed (exit ${String(code)}):\n${output}`));
      }
    });
  });
  await fs.mkdir(generatedClientDir, { recursive: true });
  await fs.writeFile(STAMP_FILE, await inputsHash(cli.version));
}

export type EnsureGeneratedResult = 'generated' | 'up-to-date' | 'no-schema';

/**
 * Generate the client when it is missing or was generated from another schema.prisma (or
 * Prisma version). Called by the test setup and the server start instead of relying on an
 * install hook.
 */
export async function ensurePrismaClientGenerated(
  options: { log?: (message: string) => void } = {},
): Promise<EnsureGeneratedResult> {
  const exists = await fs.stat(schemaPath).then(
    () => true,
    () => false,
  );
  if (!exists) return 'no-schema';
  const cli = await prismaCli();
  const stamp = await fs.readFile(STAMP_FILE, 'utf8').catch(() => undefined);
  if (stamp === (await inputsHash(cli.version))) return 'up-to-date';
  options.log?.('Prisma client missing or out of date: running prisma generate');
  await generatePrismaClient(options);
  return 'generated';
}

async function inputsHash(prismaVersion: string): Promise<string> {
  const schema = await fs.readFile(schemaPath);
  return createHash('sha256').update(prismaVersion).update('\0').update(schema).digest('hex');
}
