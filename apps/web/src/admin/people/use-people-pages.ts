import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { trpc } from '../../trpc/trpc.ts';
import type { PeopleListInput } from './people-types.ts';

type PageCursor = string | null;
const firstPage: PageCursor = null;

/**
 * People matching the filters, a page at a time. Not tRPC's useInfiniteQuery: it adds a
 * `direction` field the strict input schema refuses (see history/use-history-pages.ts).
 * The previous result stays on screen while a new filter loads.
 */
export function usePeoplePages(input: PeopleListInput) {
  const utils = trpc.useUtils();
  return useInfiniteQuery({
    queryKey: getQueryKey(trpc.people.list, input, 'infinite'),
    queryFn: ({ pageParam, signal }) =>
      utils.client.people.list.query(pageParam === null ? input : { ...input, cursor: pageParam }, {
        signal,
      }),
    initialPageParam: firstPage,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}
