import { router } from '../../trpc/init.ts';
import { assignMemberProcedure } from './assign-member.ts';
import { cancelTransferProcedure } from './cancel-transfer.ts';
import { createTeamProcedure } from './create-team.ts';
import { deactivateTeamProcedure } from './deactivate-team.ts';
import { getTeamProcedure } from './get-team.ts';
import { listTeamsProcedure } from './list-teams.ts';
import { reactivateTeamProcedure } from './reactivate-team.ts';
import { updateTeamProcedure } from './update-team.ts';

export const teamsRouter = router({
  list: listTeamsProcedure,
  get: getTeamProcedure,
  create: createTeamProcedure,
  update: updateTeamProcedure,
  deactivate: deactivateTeamProcedure,
  reactivate: reactivateTeamProcedure,
  assignMember: assignMemberProcedure,
  cancelTransfer: cancelTransferProcedure,
});
