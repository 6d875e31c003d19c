import { useSyncExternalStore } from 'react';

// A history-based router small enough to read in one sitting: the app has a flat
// list of paths, no params and no nested layouts, so a library would not earn its place.

const listeners = new Set<() => void>();
let focusPending = false;

function notify(): void {
  focusPending = true;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

/** '/people/' and '/people' are the same page. */
export function normalizePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function currentPath(): string {
  return normalizePath(window.location.pathname);
}

function currentSearch(): string {
  return window.location.search;
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/**
 * The query string ('?id=…' or ''). Admin screens keep their sub-view there (a person's
 * detail, an edit form), so the flat path list and the navigation stay as they are.
 */
export function useLocationSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch);
}

/** '/people?id=1' and '/people/?id=1' are the same address; the query string counts. */
function normalizeAddress(address: string): string {
  const queryStart = address.indexOf('?');
  if (queryStart === -1) return normalizePath(address);
  const query = address.slice(queryStart);
  return normalizePath(address.slice(0, queryStart)) + (query === '?' ? '' : query);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (normalizeAddress(to) === currentPath() + currentSearch()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

/**
 * True once after each client-side navigation: the new page's heading takes focus
 * so screen-reader and keyboard users land on the new content (not on first load).
 */
export function takePendingFocus(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}
