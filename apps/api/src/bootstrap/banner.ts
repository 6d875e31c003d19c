import { existsSync } from 'node:fs';
import path from 'node:path';
import type { env } from '@aegira/config';
import { WEB_DIST_DIR } from '../server.ts';
import { companySignInLink, DEMO_COMPANY_SLUG, formatDemoLogins } from './demo-logins.ts';

export function webIsBuilt(): boolean {
  return existsSync(path.join(WEB_DIST_DIR, 'index.html'));
}

/** Demo people have published passwords: never seeded in production unless asked for. */
export function demoMode(config: ReturnType<typeof env>): 'on' | 'off' {
  return config.AEGIRA_DEMO ?? (config.NODE_ENV === 'production' ? 'off' : 'on');
}

/**
 * What `pnpm start` prints once the product serves: its address, and with the demo on, the
 * demo company's sign-in link and logins. One process prints it, or the supervisor of
 * `--workers` once every worker listens.
 */
export function runningBanner(
  url: string,
  { hasWeb, demo }: { hasWeb: boolean; demo: 'on' | 'off' },
): string[] {
  const lines = ['', `AEGIRA is running at ${url}`];
  if (!hasWeb) {
    lines.push('  (web app not built: run `pnpm --filter @aegira/web build`; the API still works)');
  }
  if (demo === 'on') {
    lines.push(`  Demo company sign-in link: ${companySignInLink(url, DEMO_COMPANY_SLUG)}`);
    lines.push(formatDemoLogins());
  }
  return lines;
}
