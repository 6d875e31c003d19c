import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '@aegira/config';
import { chromium } from 'playwright-core';

const DIST = path.join(repoRoot, 'apps/web/dist');

/** The system Chromium (apt), launched the way the browser tests launch it (apps/web/test/browser.ts). */
const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Page loads per cache state; the median is reported. */
const LOADS = 5;

/**
 * P4: what the worker's first page loads — the scripts and styles index.html
 * references, module preloads included — gzip-compressed; whether the running
 * product serves source maps; and how long the login page takes to become usable.
 */
export async function measureWeb(url: string) {
  const html = await fs.readFile(path.join(DIST, 'index.html'), 'utf8').catch(() => null);
  if (!html) {
    return {
      jsGzipKb: 0,
      cssGzipKb: 0,
      sourceMaps: false,
      sourceMapsInBuild: false,
      loginInteractiveMs: null,
      note: 'web app not built',
    };
  }
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
  const maps = (await fs.readdir(path.join(DIST, 'assets')).catch(() => []))
    .filter((file) => file.endsWith('.map'))
    .map((file) => `assets/${file}`);
  return {
    jsGzipKb: await gzipKb('.js'),
    cssGzipKb: await gzipKb('.css'),
    // Served publicly: asked of the running product, for every map in the build and
    // the one each entry asset would have.
    sourceMaps: await anyServed(url, [...maps, ...assets.map((asset) => `${asset}.map`)]),
    sourceMapsInBuild: maps.length > 0,
    // A browser that will not start costs this figure, not the rest of the run.
    loginInteractiveMs: await loginInteractive(url).catch((error: unknown) => {
      process.stderr.write(`P4: the login page could not be timed: ${String(error)}\n`);
      return null;
    }),
    note: 'entry assets of index.html; lazily loaded chunks not counted',
  };
}

/** True when the product answers any of these paths with a source map (not the app shell). */
async function anyServed(url: string, files: readonly string[]): Promise<boolean> {
  for (const file of new Set(files)) {
    const response = await fetch(new URL(file, url));
    const body = await response.text();
    if (response.ok && body.trimStart().startsWith('{')) return true;
  }
  return false;
}

// Set up before any page script runs: records performance.now() (milliseconds since the
// navigation started) the moment the login form's email field is in the page and enabled.
// React listens at the root from the first render, so a rendered field takes input.
const MARK_EMAIL_READY = `(() => {
  const ready = () => {
    const field = document.querySelector('input[type="email"]');
    if (field && !field.disabled && window.__emailReadyMs === undefined) {
      window.__emailReadyMs = performance.now();
    }
  };
  new MutationObserver(ready).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['disabled'],
  });
})()`;

/**
 * Time to interactive of the signed-out entry, the login page (signing a seeded worker
 * in from the bench is not worth its weight): navigation start until the email field is
 * enabled, which includes fetching the scripts, running them and asking `auth.me`.
 * Cold: the HTTP cache emptied before each load; warm: reloads with the assets cached.
 */
async function loginInteractive(url: string) {
  if (!existsSync(CHROMIUM_PATH)) return null;
  const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'aegira-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  try {
    context.setDefaultTimeout(30_000);
    await context.addInitScript({ content: MARK_EMAIL_READY });
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const loginUrl = new URL('/login', url).toString();
    const load = async () => {
      await page.goto(loginUrl);
      // A function, not a string: the product's CSP forbids eval.
      const mark = await page.waitForFunction(
        () => (globalThis as { __emailReadyMs?: number }).__emailReadyMs,
      );
      return Number(await mark.jsonValue());
    };
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < LOADS; run += 1) {
      await cdp.send('Network.clearBrowserCache');
      cold.push(await load());
    }
    for (let run = 0; run < LOADS; run += 1) warm.push(await load());
    return { cold: median(cold), warm: median(warm), loads: LOADS };
  } finally {
    await context.close();
    await fs.rm(userDataDir, { recursive: true, force: true });
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}
