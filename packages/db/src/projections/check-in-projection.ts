import type { EventPayload } from '@aegira/events';
import type { Tx } from '../client.ts';
import type { CheckIn } from '../generated/prisma/client.ts';
import type { StoredEvent } from '../write-path.ts';
import { dateColumn } from './dates.ts';

type Scores = EventPayload<'CHECK_IN_SUBMITTED'>['scores'];

function scoreColumns(scores: Scores) {
  return {
    hoursScore: scores.hoursScore,
    sleepScore: scores.sleepScore,
    stressScore: scores.stressScore,
    physicalScore: scores.physicalScore,
    painScore: scores.painScore,
    readinessScore: scores.readinessScore,
    readinessLevel: scores.level,
    formulaVersion: scores.formulaVersion,
  };
}

export async function projectCheckInSubmitted(
  tx: Tx,
  event: StoredEvent<'CHECK_IN_SUBMITTED'>,
): Promise<CheckIn> {
  const p = event.payload;
  return tx.checkIn.create({
    data: {
      id: p.id,
      companyId: event.companyId,
      personId: p.personId,
      teamId: p.teamId,
      localDate: dateColumn(p.localDate),
      ...p.inputs,
      ...scoreColumns(p.scores),
      isLate: p.isLate,
      minutesLate: p.minutesLate,
      submittedAt: new Date(p.submittedAt),
      eventId: event.id,
    },
  });
}

export async function projectCheckInUpdated(
  tx: Tx,
  event: StoredEvent<'CHECK_IN_UPDATED'>,
): Promise<CheckIn> {
  const p = event.payload;
  return tx.checkIn.update({
    where: { id: p.id },
    data: {
      ...p.inputs,
      ...scoreColumns(p.scores),
      version: p.version,
      amendedAt: new Date(p.amendedAt),
      eventId: event.id,
    },
  });
}

export async function projectMissedCheckInResolved(
  tx: Tx,
  event: StoredEvent<'MISSED_CHECK_IN_RESOLVED'>,
): Promise<void> {
  const p = event.payload;
  await tx.missedCheckIn.update({
    where: { id: p.id },
    data: {
      resolvedAt: new Date(p.resolvedAt),
      resolvedByCheckInId: p.checkInId,
      eventId: event.id,
    },
  });
}

export async function projectMissedCheckInDetected(
  tx: Tx,
  event: StoredEvent<'MISSED_CHECK_IN_DETECTED'>,
): Promise<void> {
  const p = event.payload;
  await tx.missedCheckIn.create({
    data: {
      id: p.id,
      companyId: event.companyId,
      personId: p.personId,
      teamId: p.teamId,
      localDate: dateColumn(p.localDate),
      detectedAt: new Date(p.detectedAt),
      eventId: event.id,
    },
  });
}
