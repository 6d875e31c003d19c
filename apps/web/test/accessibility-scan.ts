import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.1 levels A and AA (issue 17). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** How long the DOM must stay unchanged before a page counts as shown (loading states settle). */
const QUIET_MS = 250;
/** Longest wait for that quiet; a page that keeps changing is scanned as it is then. */
const SETTLE_MAX_MS = 3_000;

export type AccessibilityViolation = { page: string; rule: string; help: string; nodes: string[] };

export type AccessibilityScanner = {
  /** Scans the page now (after it settles) and waits for every scan queued before. */
  scanNow: () => Promise<void>;
  /** Every violation found since the last call, cleared. */
  takeViolations: () => AccessibilityViolation[];
};

/** Resolves once the document has gone QUIET_MS without a DOM change (or after SETTLE_MAX_MS). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    ({ quietMs, maxMs }) =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, quietMs);
        const cap = setTimeout(done, maxMs);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, quietMs);
        });
        observer.observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        function done() {
          observer.disconnect();
          clearTimeout(timer);
          clearTimeout(cap);
          resolve();
        }
      }),
    { quietMs: QUIET_MS, maxMs: SETTLE_MAX_MS },
  );
}

/** A navigation mid-scan destroys the page's context: that page is gone, the next one is scanned. */
function isNavigationRace(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /context was destroyed|navigat|Target (page, context or browser )?(has been )?closed|frame was detached/i.test(
    message,
  );
}

/**
 * Runs axe-core (WCAG 2.1 A/AA) on every page the browser shows: after each navigation of
 * the main frame, full loads and the app's own (history) navigations alike, once the page
 * has settled. Scans run one at a time, beside the test's own steps; the set-up collects
 * their violations after each test and fails it on any (e2e-setup.ts).
 */
export function watchAccessibility(page: Page): AccessibilityScanner {
  const violations: AccessibilityViolation[] = [];
  const seen = new Set<string>();
  let queue: Promise<void> = Promise.resolve();

  const analyze = async (url: string) => {
    await settle(page);
    // Moved on while settling: that navigation queued its own scan.
    if (page.url() !== url) return;
    // Only the app's own documents: a browser error page (a refused connection) is not ours,
    // and the step that led there fails on its own.
    if (!(await page.evaluate(() => document.getElementById('root') !== null))) return;
    const results = await new AxeBuilder({ page })
      .withTags(WCAG_TAGS)
      .setLegacyMode(true)
      .analyze();
    const path = new URL(url).pathname + new URL(url).search;
    for (const violation of results.violations) {
      const nodes = violation.nodes.map((node) => node.target.join(' '));
      const key = `${path} ${violation.id} ${nodes.join('|')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      violations.push({ page: path, rule: violation.id, help: violation.help, nodes });
    }
  };

  const scan = async () => {
    if (page.isClosed()) return;
    const url = page.url();
    if (!url.startsWith('http')) return;
    try {
      await analyze(url);
    } catch (error) {
      // A new document mid-scan (a reload, a full navigation) loses the injected axe: the
      // page that was scanned is gone, and the one that replaced it queued its own scan.
      if (isNavigationRace(error) || page.isClosed() || page.url() !== url) return;
      // Same address, new document (a reload): scan it once more.
      await analyze(url);
    }
  };
  const enqueue = () => {
    // A scan that failed for another reason fails the test too, and never stalls the queue.
    queue = queue.then(scan).catch((error: unknown) => {
      violations.push({
        page: page.url(),
        rule: 'axe-scan-failed',
        help: error instanceof Error ? error.message : String(error),
        nodes: [],
      });
    });
    return queue;
  };

  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) void enqueue();
  });

  return {
    scanNow: () => enqueue(),
    takeViolations: () => {
      seen.clear();
      return violations.splice(0);
    },
  };
}

/** A readable failure: each rule broken, on which page, and the elements. */
export function describeViolations(violations: readonly AccessibilityViolation[]): string {
  return violations
    .map((v) => `${v.page}: ${v.rule} — ${v.help}\n    ${v.nodes.slice(0, 5).join('\n    ')}`)
    .join('\n');
}
