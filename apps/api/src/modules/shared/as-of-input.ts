import { z } from 'zod';
import { localDateInput } from './dated-list-input.ts';

/**
 * The point in the past a read is answered as of (docs/decisions/038-state-as-of.md):
 * the end of a company-local date, an instant, or just after one event of the log.
 * Absent: the present.
 */
export const asOfInput = z
  .union(
    [
      z.strictObject({ date: localDateInput }),
      z.strictObject({
        at: z.iso.datetime({
          offset: true,
          error: 'must be an ISO instant with a time zone, e.g. 2026-10-01T08:00:00Z',
        }),
      }),
      z.strictObject({ afterEventId: z.uuid('must be the id of an event of the log') }),
    ],
    {
      error:
        'must be one of { date: "YYYY-MM-DD" }, { at: "<ISO instant>" } or { afterEventId: "<event id>" }',
    },
  )
  .optional();
