import type { CaseNote } from '../generated/prisma/client.ts';
import { type CaseRow, reportedBy } from './case-projection.ts';
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
  // A case's notes are about its incident's reporter.
  erase: {
    cleared: { text: null },
    where: `t.case_id IN (SELECT c.id FROM cases c JOIN incidents i ON i.id = c.incident_id
                          WHERE i.reporter_id = $1::uuid)`,
    belongs: (row, personId, rowsOf) => {
      for (const candidate of rowsOf('cases')) {
        if (candidate.id !== row.caseId) continue;
        return reportedBy(rowsOf, (candidate as CaseRow).incidentId, personId);
      }
      return false;
    },
  },
});
