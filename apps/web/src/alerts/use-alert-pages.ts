import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { trpc } from '../trpc/trpc.ts';
import type { AlertListInput } from './alert-types.ts';

type PageCursor = string | null;
const firstPage: PageCursor = null;

/**
 * Alerts matching the input, newest first (see admin/people/use-people-pages.ts for why by
 * hand). Live updates invalidate `alerts` when a check-in raises one; no polling.
 */
export function useAlertPages(input: AlertListInput) {
  const utils = trpc.useUtils();
  return useInfiniteQuery({
    queryKey: getQueryKey(trpc.alerts.list, input, 'infinite'),
    queryFn: ({ pageParam, signal }) =>
      utils.client.alerts.list.query(pageParam === null ? input : { ...input, cursor: pageParam }, {
        signal,
      }),
    initialPageParam: firstPage,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}
