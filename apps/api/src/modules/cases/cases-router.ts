import { router } from '../../trpc/init.ts';
import { addCaseNoteProcedure } from './add-case-note.ts';
import { getCaseProcedure } from './get-case.ts';
import { listCasesProcedure } from './list-cases.ts';
import { reassignCaseProcedure } from './reassign-case.ts';
import { transitionCaseProcedure } from './transition-case.ts';

export const casesRouter = router({
  get: getCaseProcedure,
  list: listCasesProcedure,
  transition: transitionCaseProcedure,
  reassign: reassignCaseProcedure,
  addNote: addCaseNoteProcedure,
});
