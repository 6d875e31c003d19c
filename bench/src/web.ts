import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '@aegira/config';

const DIST = path.join(repoRoot, 'apps/web/dist');

/**
 * P4: what the worker's first page loads — the scripts and styles index.html
 * references — gzip-compressed, and whether source maps ship in the build.
 */
export async function measureWeb() {
  const html = await fs.readFile(path.join(DIST, 'index.html'), 'utf8').catch(() => null);
  if (!html) return { jsGzipKb: 0, cssGzipKb: 0, sourceMaps: false, note: 'web app not built' };
  const assets = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] ?? '',
  );
  const gzipKb = async (ext: string) => {
    let bytes = 0;
    for (const asset of assets.filter((name) => name.endsWith(ext))) {
      bytes += gzipSync(await fs.readFile(path.join(DIST, asset))).length;
    }
    return Math.round(bytes / 102.4) / 10;
  };
  const files = await fs.readdir(path.join(DIST, 'assets')).catch(() => []);
  return {
    jsGzipKb: await gzipKb('.js'),
    cssGzipKb: await gzipKb('.css'),
    sourceMaps: files.some((file) => file.endsWith('.map')),
    note: 'entry assets of index.html; lazily loaded chunks not counted',
  };
}
