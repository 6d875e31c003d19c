import { trpc } from '../trpc/trpc.ts';

/** The signed-in person's check-ins, newest first, a page at a time. */
export function useHistoryPages(limit: number) {
  return trpc.checkIn.history.useInfiniteQuery(
    { limit },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
}
