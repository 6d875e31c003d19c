import type { CheckIn } from '@aegira/db';
import { localDateOf } from '@aegira/db';
import { PAIN_LOCATIONS } from '@aegira/domain';
import type { EventPayload } from '@aegira/events';
import { z } from 'zod';

export const readinessLevelOutput = z.enum(['GREEN', 'YELLOW', 'RED']);

export const checkInInputsOutput = z.object({
  hoursSlept: z.number(),
  sleepQuality: z.number().int(),
  stressLevel: z.number().int(),
  physicalCondition: z.number().int(),
  painLevel: z.number().int(),
  painLocation: z.enum(PAIN_LOCATIONS).nullable(),
  notes: z.string().nullable(),
});

export const checkInScoresOutput = z.object({
  formulaVersion: z.number().int(),
  hoursScore: z.number(),
  sleepScore: z.number(),
  stressScore: z.number(),
  physicalScore: z.number(),
  painScore: z.number(),
  readinessScore: z.number().int(),
  level: readinessLevelOutput,
});

export const checkInOutput = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  teamId: z.uuid(),
  localDate: z.iso.date(),
  /** null once the person's health data was erased (decision 039); the scores stay. */
  inputs: checkInInputsOutput.nullable(),
  scores: checkInScoresOutput,
  isLate: z.boolean(),
  minutesLate: z.number().int(),
  // ISO strings: the wire format has no dates (no transformer), so the DTO says so.
  submittedAt: z.iso.datetime(),
  amendedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type CheckInDto = z.infer<typeof checkInOutput>;

export function painLocationOf(
  value: string | null,
): NonNullable<CheckInDto['inputs']>['painLocation'] {
  const known = PAIN_LOCATIONS.find((location) => location === value);
  return known ?? null;
}

type CheckInEventType = 'CHECK_IN_SUBMITTED' | 'CHECK_IN_UPDATED';

/** One recorded version of a check-in: the inputs and scores one of its events carried. */
export function checkInVersionDto(
  version: number,
  type: CheckInEventType,
  payload: EventPayload<CheckInEventType>,
  recordedAt: Date,
) {
  return {
    version,
    type,
    recordedAt: recordedAt.toISOString(),
    // An erased payload reads with its sensitive fields null (decision 039).
    inputs:
      payload.inputs.hoursSlept === null
        ? null
        : { ...payload.inputs, painLocation: painLocationOf(payload.inputs.painLocation) },
    scores: payload.scores,
  };
}

/** What the worker answered, or null once their health data was erased (all cleared together). */
function inputsOf(row: CheckIn): CheckInDto['inputs'] {
  const { hoursSlept, sleepQuality, stressLevel, physicalCondition, painLevel } = row;
  if (
    hoursSlept === null ||
    sleepQuality === null ||
    stressLevel === null ||
    physicalCondition === null ||
    painLevel === null
  ) {
    return null;
  }
  return {
    hoursSlept: Number(hoursSlept),
    sleepQuality,
    stressLevel,
    physicalCondition,
    painLevel,
    painLocation: painLocationOf(row.painLocation),
    notes: row.notes,
  };
}

export function toCheckInDto(row: CheckIn): CheckInDto {
  return {
    id: row.id,
    personId: row.personId,
    teamId: row.teamId,
    localDate: localDateOf(row.localDate),
    inputs: inputsOf(row),
    scores: {
      formulaVersion: row.formulaVersion,
      hoursScore: Number(row.hoursScore),
      sleepScore: Number(row.sleepScore),
      stressScore: Number(row.stressScore),
      physicalScore: Number(row.physicalScore),
      painScore: Number(row.painScore),
      readinessScore: row.readinessScore,
      level: row.readinessLevel,
    },
    isLate: row.isLate,
    minutesLate: row.minutesLate,
    submittedAt: row.submittedAt.toISOString(),
    amendedAt: row.amendedAt?.toISOString() ?? null,
    version: row.version,
  };
}
