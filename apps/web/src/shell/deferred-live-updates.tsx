import { type ComponentType, useEffect, useState } from 'react';
import { loadTrpcReact } from './lazy-area.tsx';

/** After a failed download (offline, a deploy replaced the files), try again this much later. */
const RETRY_MS = 10_000;

/**
 * The live stream and its toasts, fetched right after the shell renders instead of with the
 * first page: nothing of them shows until an update arrives, and the stream's own
 * catch-up (a refetch on connect) covers anything that changed during the download.
 */
export function DeferredLiveUpdates() {
  const [LiveUpdates, setLiveUpdates] = useState<ComponentType | null>(null);
  useEffect(() => {
    let active = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      Promise.all([import('../live/live-updates.tsx'), loadTrpcReact()]).then(
        ([module, { withTrpcReact }]) => {
          if (active) setLiveUpdates(() => withTrpcReact(module.LiveUpdates));
        },
        () => {
          if (active) retry = setTimeout(load, RETRY_MS);
        },
      );
    };
    load();
    return () => {
      active = false;
      clearTimeout(retry);
    };
  }, []);
  return LiveUpdates ? <LiveUpdates /> : null;
}
