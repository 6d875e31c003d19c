import type { Person, ReadTx, Team, TeamTransfer } from '@aegira/db';
import { toLocalTime } from '@aegira/domain';
import { AppError, fieldError } from '../../errors/app-error.ts';
import type { Actor } from '../actor.ts';

// The guards of product.md "Teams and people", shared by the people commands.
// They run in the commands' decide steps, on rows locked there.

export function notFound(): AppError {
  return new AppError('NOT_FOUND', 'No person with that id in your company.');
}

/**
 * The person, locked until the transaction ends: two admin actions on the same
 * person (a role change and a deactivation, say) run one after the other, each
 * judging the other's result, and token versions never collide.
 */
export async function lockPerson(read: ReadTx, personId: string): Promise<Person> {
  await read.$queryRaw`SELECT id FROM persons WHERE id = ${personId}::uuid FOR UPDATE`;
  const person = await read.person.findUnique({ where: { id: personId } });
  if (!person) throw notFound();
  return person;
}

/** Admins cannot change their own role or deactivate themselves (product.md "Roles"). */
export function refuseSelf(actor: Actor, personId: string, action: string, reason: string): void {
  if (actor.personId === personId) {
    throw new AppError('SELF_ACTION_FORBIDDEN', `You cannot ${action}. Ask another admin.`, {
      reason,
    });
  }
}

function fullName(person: Person): string {
  return `${person.firstName} ${person.lastName}`;
}

/** A team's leader must stay a TEAM_LEAD and active while the team is active. */
export async function refuseIfLeadsActiveTeam(
  read: ReadTx,
  person: Person,
  then: string,
): Promise<void> {
  const team = await read.team.findFirst({
    where: { leaderId: person.id, isActive: true },
    select: { name: true },
  });
  if (team) {
    throw new AppError(
      'LEADS_ACTIVE_TEAM',
      `${fullName(person)} leads the active team "${team.name}". Give the team another leader or deactivate it first, then ${then}.`,
      { reason: 'LEADS_ACTIVE_TEAM' },
    );
  }
}

/** Likewise a supervisor stays a SUPERVISOR while an active team names them. */
export async function refuseIfSupervisesActiveTeam(read: ReadTx, person: Person): Promise<void> {
  const teams = await read.team.findMany({
    where: { supervisorId: person.id, isActive: true },
    select: { name: true },
    orderBy: { name: 'asc' },
  });
  if (teams.length > 0) {
    const names = teams.map((team) => `"${team.name}"`).join(', ');
    throw new AppError(
      'SUPERVISES_ACTIVE_TEAM',
      `${fullName(person)} supervises the active team${teams.length === 1 ? '' : 's'} ${names}. Give ${teams.length === 1 ? 'it' : 'them'} another supervisor first, then change the role.`,
      { reason: 'SUPERVISES_ACTIVE_TEAM' },
    );
  }
}

/** A pending move to another team would put a non-worker on a team when it applies. */
export async function refuseIfTransferPending(read: ReadTx, person: Person): Promise<void> {
  const pending = await read.teamTransfer.findFirst({
    where: { personId: person.id, status: 'PENDING' },
    select: { effectiveOn: true },
  });
  if (pending) {
    throw new AppError(
      'PENDING_TRANSFER',
      `${fullName(person)} has a pending team transfer (effective ${pending.effectiveOn.toISOString().slice(0, 10)}). Cancel it first, then change the role.`,
      { reason: 'PENDING_TRANSFER' },
    );
  }
}

/**
 * The person's pending transfer, locked so a concurrent completion or
 * cancellation commits first and no longer matches; null when there is none.
 */
export async function lockPendingTransfer(
  read: ReadTx,
  personId: string,
): Promise<TeamTransfer | null> {
  const locked = await read.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM team_transfers
    WHERE person_id = ${personId}::uuid AND status = 'PENDING' FOR UPDATE`;
  return locked[0] ? read.teamTransfer.findUnique({ where: { id: locked[0].id } }) : null;
}

/** The active team of this company a WORKER joins; a field error on `teamId` otherwise. */
export async function activeTeamForWorker(
  read: ReadTx,
  teamId: string | null | undefined,
): Promise<Team> {
  if (!teamId) throw fieldError('teamId', 'is required: a WORKER must belong to a team');
  // Row-level security hides other companies' teams, so they read as unknown.
  const team = await read.team.findUnique({ where: { id: teamId } });
  if (!team) throw fieldError('teamId', 'must be a team of your company');
  if (!team.isActive) {
    throw fieldError('teamId', `team "${team.name}" is deactivated; choose an active team`);
  }
  return team;
}

/** Only a WORKER belongs to a team; anyone else is created or changed without one. */
export function refuseTeamForNonWorker(role: string, teamId: string | null | undefined): void {
  if (teamId)
    throw fieldError('teamId', `must be empty: only a WORKER belongs to a team, not a ${role}`);
}

/** Today's local date in the company's timezone: the day a new assignment takes effect. */
export async function companyToday(read: ReadTx, companyId: string, now: Date): Promise<string> {
  const company = await read.company.findUniqueOrThrow({ where: { id: companyId } });
  return toLocalTime(now, company.timezone).date;
}
