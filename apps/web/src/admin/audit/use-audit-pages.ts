import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { trpc } from '../../trpc/trpc.ts';
import type { AuditListInput } from './audit-filters.ts';

type PageCursor = string | null;
const firstPage: PageCursor = null;

/** Audit entries matching the filters, newest first (see use-people-pages.ts for why by hand). */
export function useAuditPages(input: AuditListInput, enabled: boolean) {
  const utils = trpc.useUtils();
  return useInfiniteQuery({
    queryKey: getQueryKey(trpc.audit.list, input, 'infinite'),
    queryFn: ({ pageParam, signal }) =>
      utils.client.audit.list.query(pageParam === null ? input : { ...input, cursor: pageParam }, {
        signal,
      }),
    initialPageParam: firstPage,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}
