import { addCaseNote } from '../../services/cases/case-commands.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { addCaseNoteInput, caseDetailOutput } from './case-schemas.ts';

/** WHS adds a note to a case's thread. */
export const addCaseNoteProcedure = tenantProcedure
  .input(addCaseNoteInput)
  .output(caseDetailOutput)
  .mutation(({ ctx, input }) => addCaseNote(ctx.deps, ctx.actor, input));
