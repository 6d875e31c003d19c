import {
  localDateOf,
  modelOf,
  personProjection,
  type ReadTx,
  teamProjection,
  teamTransferProjection,
} from '@aegira/db';
import { idsOf, modelsAsOf } from '../as-of/fold-models.ts';
import { type AsOf, didNotExist } from '../as-of/resolve-as-of.ts';
import { toTransferDto } from '../teams/team-dto.ts';
import { toPersonDto } from './person-dto.ts';

/**
 * A person as of a point in the past (docs/decisions/038-state-as-of.md): their row, their
 * team, the team they led and their pending move, each folded from the log up to the cut
 * by its table's projection and shaped by the present read's DTO builders.
 */
export async function personAsOf(read: ReadTx, personId: string, asOf: AsOf) {
  const [person] = await modelsAsOf(read, personProjection, [personId], asOf, modelOf.person);
  if (!person) throw didNotExist('This person', asOf);
  const [team] = person.teamId
    ? await modelsAsOf(read, teamProjection, [person.teamId], asOf, modelOf.team)
    : [];
  // Any team they ever led has a version naming them (docs/decisions/012).
  const everLed = await read.teamVersion.findMany({
    where: { leaderId: personId },
    select: { id: true },
    distinct: ['id'],
  });
  const led = (await modelsAsOf(read, teamProjection, idsOf(everLed), asOf, modelOf.team)).find(
    (row) => row.leaderId === personId && row.isActive,
  );
  const moves = await read.teamTransfer.findMany({ where: { personId }, select: { id: true } });
  const pending =
    // A transfer's events are its person's history.
    (
      await modelsAsOf(read, teamTransferProjection, idsOf(moves), asOf, modelOf.teamTransfer, {
        filedUnder: [personId],
      })
    ).find(
      (transfer) =>
        transfer.status === 'PENDING' && localDateOf(transfer.effectiveOn) > asOf.localDate,
    );
  return {
    ...toPersonDto(person, team ?? null, led ? { id: led.id, name: led.name } : null),
    pendingTransfer: pending ? await toTransferDto(read, pending) : null,
    asOf: asOf.dto,
  };
}
