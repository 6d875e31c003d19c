import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { trpc } from '../trpc/trpc.ts';
import type { MissListInput } from './attendance-types.ts';

type PageCursor = string | null;
const firstPage: PageCursor = null;

/** Misses matching the input, newest day first (see admin/people/use-people-pages.ts for why by hand). */
export function useMissPages(input: MissListInput) {
  const utils = trpc.useUtils();
  return useInfiniteQuery({
    queryKey: getQueryKey(trpc.missedCheckIns.list, input, 'infinite'),
    queryFn: ({ pageParam, signal }) =>
      utils.client.missedCheckIns.list.query(
        pageParam === null ? input : { ...input, cursor: pageParam },
        { signal },
      ),
    initialPageParam: firstPage,
    getNextPageParam: (page) => page.nextCursor,
    // No polling: a miss detected while the lead watches arrives as a live update
    // (live/live-updates.tsx), which re-reads this list.
    placeholderData: keepPreviousData,
  });
}
