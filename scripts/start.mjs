// `pnpm start`: the compiled API (apps/api/dist/main.js) serving the built web app.
// From a fresh clone it builds first (`pnpm build`), so it stays one command; after
// that it starts without building. After changing the sources, run `pnpm build`
// (or use `pnpm dev`). Arguments pass through: `pnpm start --instances 3`.
//
// The API runs in this process (no extra child), so Ctrl+C reaches it directly and
// it exits 0 after stopping cleanly: pnpm then has no failed command to report.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiBundle = path.join(root, 'apps/api/dist/main.js');
const webIndex = path.join(root, 'apps/web/dist/index.html');

if (!existsSync(apiBundle) || !existsSync(webIndex)) {
  process.stdout.write('No build found: running `pnpm build` once…\n');
  const build = spawnSync('pnpm', ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import(pathToFileURL(apiBundle).href);
