import { CASE_STATUSES } from '@aegira/events';
import { z } from 'zod';
import { caseDetailOutput } from '../../services/cases/case-detail.ts';
import { caseSummaryOutput } from '../../services/cases/list-cases.ts';
import { pageFields } from '../shared/dated-list-input.ts';

const status = z.enum(CASE_STATUSES, { error: `must be one of: ${CASE_STATUSES.join(', ')}` });

export const caseIdInput = z.strictObject({ caseId: z.uuid('must be a case id') });

export const listCasesInput = z
  .strictObject({
    status: status.optional(),
    /** Only cases assigned to the caller. */
    mine: z.boolean('must be true or false').optional(),
    ...pageFields,
  })
  .default({ limit: 25 });

export const transitionCaseInput = z.strictObject({
  caseId: z.uuid('must be a case id'),
  to: status,
  reason: z.string('must be text').trim().max(500, 'must be at most 500 characters').nullish(),
  resolutionSummary: z
    .string('must be text')
    .trim()
    .max(2000, 'must be at most 2,000 characters')
    .nullish(),
});

export const reassignCaseInput = z.strictObject({
  caseId: z.uuid('must be a case id'),
  assigneeId: z.uuid('must be the id of a WHS officer'),
});

export const addCaseNoteInput = z.strictObject({
  caseId: z.uuid('must be a case id'),
  text: z
    .string('must be text')
    .trim()
    .min(1, 'is required: write the note')
    .max(2000, 'must be at most 2,000 characters'),
});

export const caseListOutput = z.object({
  items: z.array(caseSummaryOutput),
  nextCursor: z.string().nullable(),
});

export { caseDetailOutput };
