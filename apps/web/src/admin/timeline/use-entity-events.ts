import { useInfiniteQuery } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { trpc } from '../../trpc/trpc.ts';
import type { EntityType } from './timeline-types.ts';

type PageCursor = string | null;
const firstPage: PageCursor = null;

export const TIMELINE_PAGE_SIZE = 20;

/** One entity's events, newest first, a page at a time (see use-people-pages.ts for why by hand). */
export function useEntityEvents(entityType: EntityType, entityId: string) {
  const utils = trpc.useUtils();
  const input = { entityType, entityId, limit: TIMELINE_PAGE_SIZE };
  return useInfiniteQuery({
    queryKey: getQueryKey(trpc.events.forEntity, input, 'infinite'),
    queryFn: ({ pageParam, signal }) =>
      utils.client.events.forEntity.query(
        pageParam === null ? input : { ...input, cursor: pageParam },
        { signal },
      ),
    initialPageParam: firstPage,
    getNextPageParam: (page) => page.nextCursor,
  });
}
