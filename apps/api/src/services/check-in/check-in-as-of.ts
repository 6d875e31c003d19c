import { checkInProjection, foldEntity, modelOf, type ReadTx } from '@aegira/db';
import { type AsOf, didNotExist } from '../as-of/resolve-as-of.ts';
import { checkInVersionDto, toCheckInDto } from './check-in-dto.ts';

/**
 * A check-in as of a point in the past (docs/decisions/038-state-as-of.md): its row folded
 * from its events up to the cut, and the versions those events recorded.
 */
export async function checkInAsOf(read: ReadTx, id: string, asOf: AsOf) {
  const { row, events } = await foldEntity(read, checkInProjection, id, asOf.cut);
  if (!row) throw didNotExist('This check-in', asOf);
  const versions = events.flatMap((event, index) =>
    event.type === 'CHECK_IN_SUBMITTED' || event.type === 'CHECK_IN_UPDATED'
      ? [checkInVersionDto(index + 1, event.type, event.payload, event.createdAt)]
      : [],
  );
  return { checkIn: toCheckInDto(modelOf.checkIn(row)), versions, asOf: asOf.dto };
}
