import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// `pnpm test:property` runs the replay property test at its default size (30
// sequences, as in `pnpm test`); `--long` runs 500; `--seed N` replays a run.
const args = process.argv.slice(2);
const seedIndex = args.indexOf('--seed');
const seed = seedIndex >= 0 ? args[seedIndex + 1] : undefined;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const result = spawnSync(
  'pnpm',
  ['exec', 'vitest', 'run', '--project', 'int', 'apps/api/test/replay-property.int.test.ts'],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      ...(args.includes('--long') ? { AEGIRA_PROPERTY_RUNS: '500' } : {}),
      ...(seed ? { AEGIRA_PROPERTY_SEED: seed } : {}),
    },
  },
);
process.exit(result.status ?? 1);
