import type { CaseNote } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import type { RowOf } from './row-state.ts';

export type CaseNoteRow = RowOf<CaseNote>;

// A thread: each note is its own row from its own event, never changed.
export const caseNoteProjection = defineProjection<CaseNoteRow>({
  table: 'case_notes',
  companyColumn: 'company_id',
  on: {
    CASE_NOTE_ADDED: {
      create: ({ payload: p }) => ({
        id: p.noteId,
        caseId: p.id,
        authorId: p.authorId,
        text: p.text,
        addedAt: p.addedAt,
      }),
    },
  },
});
