import { type Company, event, executeCommand, type ReadTx, withTenant } from '@aegira/db';
import { AuditAction, type EventPayload, EventType } from '@aegira/events';
import { z } from 'zod';
import { type Actor, commandActor, type ServiceDeps } from '../actor.ts';
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

async function companyOf(read: ReadTx, actor: Actor): Promise<CompanyDto> {
  return toCompanyDto(await read.company.findUniqueOrThrow({ where: { id: actor.companyId } }));
}

/** The caller's company; every role may read its name, slug and timezone. */
export async function getCompany(deps: ServiceDeps, actor: Actor): Promise<CompanyDto> {
  return withTenant(deps.db, actor.companyId, (read) => companyOf(read, actor));
}

/**
 * COMPANY_UPDATED with the changed settings (+ AuditLog COMPANY_SETTINGS_UPDATED
 * with the previous values). The slug stays, so links keep working after a rename.
 */
export async function updateCompanySettings(
  deps: ServiceDeps,
  actor: Actor,
  request: CompanyChanges,
): Promise<CompanyDto> {
  const command = () =>
    executeCommand(
      deps.db,
      commandActor(actor),
      async (read) => {
        // Locked, so two concurrent edits each record the values the other left as `previous`.
        await read.$queryRaw`SELECT id FROM companies WHERE id = ${actor.companyId}::uuid FOR UPDATE`;
        const company = await read.company.findUniqueOrThrow({ where: { id: actor.companyId } });
        const changes: CompanyChanges = {};
        if (request.name !== undefined && request.name !== company.name) {
          changes.name = request.name;
        }
        if (request.timezone !== undefined && request.timezone !== company.timezone) {
          changes.timezone = request.timezone;
        }
        if (Object.keys(changes).length === 0) throw new NothingChanged();
        const previous = {
          ...(changes.name !== undefined ? { name: company.name } : {}),
          ...(changes.timezone !== undefined ? { timezone: company.timezone } : {}),
        };
        return [
          event(
            EventType.COMPANY_UPDATED,
            { id: company.id, changes },
            { action: AuditAction.COMPANY_SETTINGS_UPDATED, details: { changes, previous } },
          ),
        ];
      },
      (read) => companyOf(read, actor),
    );
  return orCurrentIfUnchanged(command, () => getCompany(deps, actor));
}
