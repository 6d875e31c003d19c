import { router } from '../../trpc/init.ts';
import { auditIntegrityProcedure } from './audit-integrity.ts';
import { signCheckpointProcedure } from './sign-checkpoint.ts';
import { startVerifyProcedure } from './start-verify.ts';
import { verifyStatusProcedure } from './verify-status.ts';

export const auditChainRouter = router({
  integrity: auditIntegrityProcedure,
  signCheckpoint: signCheckpointProcedure,
  startVerify: startVerifyProcedure,
  verifyStatus: verifyStatusProcedure,
});
