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

export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (normalizePath(to) === currentPath()) return;
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
