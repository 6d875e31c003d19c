import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { trpc } from '../../trpc/trpc.ts';
import type { JobRunsInput } from './job-run-types.ts';

type PageCursor = string | null;
const firstPage: PageCursor = null;

/** Job runs, newest first, a page at a time (see people/use-people-pages.ts for why by hand). */
export function useJobRunPages(input: JobRunsInput) {
  const utils = trpc.useUtils();
  return useInfiniteQuery({
    queryKey: getQueryKey(trpc.jobs.runs, input, 'infinite'),
    queryFn: ({ pageParam, signal }) =>
      utils.client.jobs.runs.query(pageParam === null ? input : { ...input, cursor: pageParam }, {
        signal,
      }),
    initialPageParam: firstPage,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}
