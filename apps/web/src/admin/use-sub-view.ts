import { useMemo } from 'react';
import { useLocationSearch } from '../router/history.ts';
import { parseSubView, type SubView } from './admin-paths.ts';

/** The sub-view the address asks for; null for an address no screen answers. */
export function useSubView(): SubView | null {
  const search = useLocationSearch();
  return useMemo(() => parseSubView(search), [search]);
}
