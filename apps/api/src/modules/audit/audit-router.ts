import { router } from '../../trpc/init.ts';
import { eventsForEntityProcedure } from './events-for-entity.ts';
import { listAuditProcedure } from './list-audit.ts';

export const auditRouter = router({ list: listAuditProcedure });
export const eventsRouter = router({ forEntity: eventsForEntityProcedure });
