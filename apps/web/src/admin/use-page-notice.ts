import { useCallback, useState } from 'react';
import { useLocationSearch, usePathname } from '../router/history.ts';

export type PageNotice = {
  /** The message for the address on screen, or null. */
  message: string | null;
  /** Says `message` on `address` (default: here), e.g. the detail page a form opens next. */
  announce: (message: string, address?: string) => void;
  dismiss: () => void;
};

/**
 * Success feedback that survives a move between sub-views of one page ("Saved" on the
 * detail a form returns to) and disappears once the person goes elsewhere.
 */
export function usePageNotice(): PageNotice {
  const here = usePathname() + useLocationSearch();
  const [notice, setNotice] = useState<{ address: string; message: string } | null>(null);
  const announce = useCallback(
    (message: string, address?: string) => setNotice({ address: address ?? here, message }),
    [here],
  );
  const dismiss = useCallback(() => setNotice(null), []);
  return { message: notice?.address === here ? notice.message : null, announce, dismiss };
}
