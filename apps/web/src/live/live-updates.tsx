import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { endsSession } from '../trpc/errors.ts';
import { meQueryKey } from '../trpc/first-page-client.ts';
import { trpc } from '../trpc/trpc.ts';
import { areasToRefresh, isQueryOfAreas, reconnectDelayMs } from './live-invalidation.ts';
import { LiveToast } from './live-toast.tsx';

/** How long a toast stays up. */
const TOAST_MS = 8_000;

/**
 * The signed-in page's live stream (`live.updates` over SSE): a roster change
 * re-reads the rosters and worker pages on screen, a notification re-reads the
 * notifications and shows a toast, and anything missed (a reconnect) re-reads
 * everything. No polling: the stream re-opens itself after an error or an end,
 * with backoff, and an ended session signs the page out.
 */
export function LiveUpdates() {
  const queryClient = useQueryClient();
  const [toast, setToast] = useState<string | null>(null);
  const failures = useRef(0);
  const connectedBefore = useRef(false);
  const restartTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const resetRef = useRef<() => void>(() => undefined);

  const scheduleRestart = useCallback(() => {
    // A stream cut without a tRPC answer (the SSE request itself refused) may be an ended
    // session: ask who is signed in, which signs the page out if nobody is any more.
    void queryClient.invalidateQueries({ queryKey: meQueryKey() });
    failures.current += 1;
    clearTimeout(restartTimer.current);
    restartTimer.current = setTimeout(() => resetRef.current(), reconnectDelayMs(failures.current));
  }, [queryClient]);

  const subscription = trpc.live.updates.useSubscription(undefined, {
    onData: (update) => {
      failures.current = 0;
      const areas = areasToRefresh(update);
      void queryClient.invalidateQueries(
        areas === null
          ? undefined
          : { predicate: (query) => isQueryOfAreas(query.queryKey, areas) },
      );
      if (update.kind === 'notification') setToast('You have a new notification.');
    },
    // The server ended the stream (an instance shutting down): open a new one.
    onComplete: scheduleRestart,
  });
  const { status, error, reset } = subscription;
  resetRef.current = reset;

  useEffect(() => () => clearTimeout(restartTimer.current), []);

  // Back after a drop: whatever changed meanwhile was not announced.
  useEffect(() => {
    if (status !== 'pending') return;
    if (connectedBefore.current) void queryClient.invalidateQueries();
    connectedBefore.current = true;
  }, [status, queryClient]);

  useEffect(() => {
    if (status !== 'error') return;
    if (endsSession(error)) {
      queryClient.setQueryData(meQueryKey(), { user: null });
      return;
    }
    scheduleRestart();
  }, [status, error, scheduleRestart, queryClient]);

  useEffect(() => {
    if (toast === null) return;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  return <LiveToast message={toast} onDismiss={() => setToast(null)} />;
}
