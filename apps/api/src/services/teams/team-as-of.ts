import {
  checkInProjection,
  dateColumn,
  holidayProjection,
  leaveProjection,
  localDateOf,
  missedCheckInProjection,
  modelOf,
  type Person,
  personProjection,
  type ReadTx,
  type TableProjection,
  type Team,
  teamProjection,
  teamTransferProjection,
} from '@aegira/db';
import { toLocalTime } from '@aegira/domain';
import { seesMemberCheckInStatus } from '../access-policy.ts';
import type { Actor } from '../actor.ts';
import { idsOf, modelsAsOf } from '../as-of/fold-models.ts';
import { type AsOf, didNotExist } from '../as-of/resolve-as-of.ts';
import { holidayOf } from '../check-in/worker-day.ts';
import { type MemberDay, memberToday } from './member-today.ts';
import { fullName, memberDtoOf, teamDtoOf, toTransferDtos } from './team-dto.ts';

// A team page as of a point in the past (docs/decisions/038-state-as-of.md): every row on
// it folded from the log up to the cut with its table's projection, then shaped by the
// present read's own DTO builders. The live tables only say which rows to fold.

const byName = (a: Person, b: Person) =>
  a.lastName.localeCompare(b.lastName) ||
  a.firstName.localeCompare(b.firstName) ||
  a.id.localeCompare(b.id);

/** Everyone whose row, folded to the cut, names the team (active or not), by name. */
async function membersAsOf(read: ReadTx, teamId: string, asOf: AsOf): Promise<Person[]> {
  // Anyone who was ever a member has a version naming the team (docs/decisions/012).
  const ever = await read.personVersion.findMany({
    where: { teamId },
    select: { id: true },
    distinct: ['id'],
  });
  const people = await modelsAsOf(read, personProjection, idsOf(ever), asOf, modelOf.person);
  return people.filter((person) => person.teamId === teamId).sort(byName);
}

/** Each member's day as of the cut: their check-in, open miss and leave of that date, folded. */
async function memberDaysAsOf(read: ReadTx, team: Team, members: Person[], asOf: AsOf) {
  const personId = { in: idsOf(members) };
  const day = dateColumn(asOf.localDate);
  const select = { id: true } as const;
  const fold = <Row extends { id: string; updatedAt: string }, Model>(
    projection: TableProjection<Row>,
    found: ReadonlyArray<{ id: string }>,
    revive: (row: Row) => Model,
  ) => modelsAsOf(read, projection, idsOf(found), asOf, revive);
  const checkIns = await fold(
    checkInProjection,
    await read.checkIn.findMany({ where: { personId, localDate: day }, select }),
    modelOf.checkIn,
  );
  const misses = await fold(
    missedCheckInProjection,
    await read.missedCheckIn.findMany({ where: { personId, localDate: day }, select }),
    modelOf.missedCheckIn,
  );
  const leaves = await fold(
    leaveProjection,
    await read.leave.findMany({
      where: { personId, startDate: { lte: day }, endDate: { gte: day } },
      select,
    }),
    modelOf.leave,
  );
  const holidays = await fold(
    holidayProjection,
    await read.holiday.findMany({ select }),
    modelOf.holiday,
  );
  const memberDay: MemberDay = {
    now: asOf.at,
    timeZone: asOf.timeZone,
    local: toLocalTime(asOf.at, asOf.timeZone),
    holidays: holidays.filter((holiday) => holiday.isActive).map(holidayOf),
    team,
  };
  return new Map(
    members.map((member) => [
      member.id,
      memberToday(memberDay, member, {
        checkIn: checkIns.find((row) => row.personId === member.id),
        openMiss: misses.find(
          (row) => row.personId === member.id && !row.resolvedAt && !row.excusedAt,
        ),
        leave: leaves.find((row) => row.personId === member.id && !row.cancelledAt),
      }),
    ]),
  );
}

/**
 * The team as of the cut: its row, its members then (with their check-in status of that
 * local date for the roles that see it today), and the moves still pending then.
 */
export async function teamAsOf(read: ReadTx, actor: Actor, teamId: string, asOf: AsOf) {
  const [teamRow] = await modelsAsOf(read, teamProjection, [teamId], asOf, modelOf.team);
  if (!teamRow) throw didNotExist('This team', asOf);
  const members = await membersAsOf(read, teamId, asOf);
  const heads = await modelsAsOf(
    read,
    personProjection,
    [teamRow.leaderId, ...(teamRow.supervisorId ? [teamRow.supervisorId] : [])],
    asOf,
    modelOf.person,
  );
  const names = new Map(heads.map((person) => [person.id, fullName(person)]));
  const candidates = await read.teamTransfer.findMany({
    where: { OR: [{ personId: { in: idsOf(members) } }, { toTeamId: teamId }] },
    select: { id: true, personId: true },
  });
  // A transfer's events are its person's history.
  const filedUnder = candidates.map((transfer) => transfer.personId);
  const pending = (
    await modelsAsOf(read, teamTransferProjection, idsOf(candidates), asOf, modelOf.teamTransfer, {
      filedUnder,
    })
  )
    .filter(
      (transfer) =>
        transfer.status === 'PENDING' && localDateOf(transfer.effectiveOn) > asOf.localDate,
    )
    .sort((a, b) => a.effectiveOn.getTime() - b.effectiveOn.getTime());
  const transfers = await toTransferDtos(read, pending);
  const days = seesMemberCheckInStatus(actor)
    ? await memberDaysAsOf(read, teamRow, members, asOf)
    : null;
  const activeMembers = members.filter((member) => member.isActive).length;
  return {
    team: teamDtoOf(teamRow, names, activeMembers),
    localDate: asOf.localDate,
    timeZone: asOf.timeZone,
    members: members.map((member) =>
      memberDtoOf(member, teamId, transfers, days?.get(member.id) ?? null),
    ),
    incomingTransfers: transfers.filter((transfer) => transfer.toTeam.id === teamId),
    asOf: asOf.dto,
  };
}
