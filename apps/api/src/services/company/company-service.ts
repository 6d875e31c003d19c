import {
  type Company,
  type Db,
  executeCommand,
  projectCompanyUpdated,
  withTenant,
} from '@aegira/db';
import { AuditAction, type EventPayload, EventType } from '@aegira/events';
import { z } from 'zod';
import type { Actor } from '../../trpc/context.ts';
import { commandActor } from '../command-actor.ts';
import { NothingChanged, orCurrentIfUnchanged } from '../no-changes.ts';

export const companyOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  timezone: z.string(),
});
export type CompanyDto = z.infer<typeof companyOutput>;

type CompanyChanges = EventPayload<'COMPANY_UPDATED'>['changes'];

function toCompanyDto(row: Company): CompanyDto {
  return { id: row.id, name: row.name, slug: row.slug, timezone: row.timezone };
}

/** The caller's company; every role may read its name, slug and timezone. */
export async function getCompany(deps: { db: Db }, actor: Actor): Promise<CompanyDto> {
  return withTenant(deps.db, actor.companyId, async (tx) =>
    toCompanyDto(await tx.company.findUniqueOrThrow({ where: { id: actor.companyId } })),
  );
}

/**
 * COMPANY_UPDATED with the changed settings (+ AuditLog COMPANY_SETTINGS_UPDATED
 * with the previous values). The slug stays, so links keep working after a rename.
 */
export async function updateCompanySettings(
  deps: { db: Db },
  actor: Actor,
  request: CompanyChanges,
): Promise<CompanyDto> {
  const command = () =>
    executeCommand(
      deps.db,
      commandActor(actor),
      async (tx) => {
        const company = await tx.company.findUniqueOrThrow({ where: { id: actor.companyId } });
        const changes: CompanyChanges = {};
        if (request.name !== undefined && request.name !== company.name) {
          changes.name = request.name;
        }
        if (request.timezone !== undefined && request.timezone !== company.timezone) {
          changes.timezone = request.timezone;
        }
        if (Object.keys(changes).length === 0) throw new NothingChanged();
        return {
          type: EventType.COMPANY_UPDATED,
          entityId: company.id,
          payload: { id: company.id, changes },
        };
      },
      async (scope) => {
        const before = await scope.tx.company.findUniqueOrThrow({
          where: { id: actor.companyId },
        });
        const row = await projectCompanyUpdated(scope.tx, scope.event);
        const { changes } = scope.event.payload;
        await scope.audit({
          action: AuditAction.COMPANY_SETTINGS_UPDATED,
          entityType: 'company',
          entityId: row.id,
          details: {
            changes,
            previous: {
              ...(changes.name !== undefined ? { name: before.name } : {}),
              ...(changes.timezone !== undefined ? { timezone: before.timezone } : {}),
            },
          },
        });
        return toCompanyDto(row);
      },
    );
  return orCurrentIfUnchanged(command, () => getCompany(deps, actor));
}
