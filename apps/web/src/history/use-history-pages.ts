import { useInfiniteQuery } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { trpc } from '../trpc/trpc.ts';

/** Where the next page starts: the server's cursor, or null for the first page. */
type PageCursor = string | null;
const firstPage: PageCursor = null;

/**
 * The signed-in person's check-ins, newest first, a page at a time.
 *
 * Not `trpc.checkIn.history.useInfiniteQuery`: that helper adds a `direction` field to the
 * input, which the API's strict input schema refuses as unknown. This is the same query
 * under the key tRPC would use, so `utils.checkIn.history.invalidate()` still reaches it.
 */
export function useHistoryPages(limit: number) {
  const utils = trpc.useUtils();
  const input = { limit };
  return useInfiniteQuery({
    queryKey: getQueryKey(trpc.checkIn.history, input, 'infinite'),
    queryFn: ({ pageParam, signal }) =>
      utils.client.checkIn.history.query(
        pageParam === null ? input : { ...input, cursor: pageParam },
        { signal },
      ),
    initialPageParam: firstPage,
    getNextPageParam: (page) => page.nextCursor,
  });
}
