// `pnpm build` (API part): bundles src/main.ts and the workspace packages it imports
// (@aegira/*, which export TypeScript sources that Node 20 cannot run) into dist/main.js.
// Packages from npm stay outside the bundle and are loaded from node_modules at run time:
// several of them load files next to themselves (Prisma's and the schema engine's wasm,
// embedded PostgreSQL's binaries, pino's worker transports), which a bundle would break.
// See docs/decisions/018-compiled-api-build.md.
import { statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(apiDir, 'dist');
const outFile = path.join(outDir, 'main.js');

/** A POSIX path from the bundle's folder to `file`, for `new URL(…, import.meta.url)`. */
function fromBundle(file: string): string {
  return path.relative(outDir, file).split(path.sep).join('/');
}

/**
 * Bare imports that are not workspace packages are left to Node, rewritten to the
 * file esbuild resolved (relative to the bundle): pnpm links a package's dependencies
 * next to that package only, so `pg` imported from packages/db would not resolve from
 * apps/api/dist by name.
 */
const npmPackagesOutside: Plugin = {
  name: 'npm-packages-outside',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.path.startsWith('@aegira/')) return undefined;
      if (args.pluginData === 'inner') return undefined;
      const resolved = await pluginBuild.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'inner',
      });
      if (resolved.errors.length > 0 || !resolved.path || resolved.external) {
        // Node built-ins without the node: prefix, and anything esbuild cannot place.
        return { path: args.path, external: true };
      }
      return { path: `./${fromBundle(resolved.path)}`, external: true };
    });
  },
};

/**
 * Workspace code finds files next to itself (migrations, the web build, the data
 * folder) through `import.meta.url`; in the bundle each module keeps the URL of its
 * source file, relative to the bundle so the tree can move as a whole (Docker).
 */
const sourceUrls: Plugin = {
  name: 'source-urls',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const url = `new URL(${JSON.stringify(fromBundle(args.path))}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

const started = performance.now();
await rm(outDir, { recursive: true, force: true });
const result = await build({
  entryPoints: [path.join(apiDir, 'src/main.ts')],
  outfile: outFile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Stack traces in logs name the source files; the map stays on the server (never served).
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [npmPackagesOutside, sourceUrls],
});
const bytes = statSync(outFile).size;
const inputs = Object.keys(result.metafile.inputs).length;
process.stdout.write(
  `Built ${path.relative(process.cwd(), outFile)}: ${(bytes / 1024).toFixed(0)} KiB from ${inputs} files in ${Math.round(performance.now() - started)} ms\n`,
);
