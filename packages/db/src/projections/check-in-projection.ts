import type { EventPayload } from '@aegira/events';
import type { CheckIn } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import type { RowOf } from './row-state.ts';

export type CheckInRow = RowOf<CheckIn>;

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

export const checkInProjection = defineProjection<CheckInRow>({
  table: 'check_ins',
  companyColumn: 'company_id',
  on: {
    CHECK_IN_SUBMITTED: {
      create: ({ payload: p }) => ({
        id: p.id,
        personId: p.personId,
        teamId: p.teamId,
        localDate: p.localDate,
        ...p.inputs,
        ...scoreColumns(p.scores),
        isLate: p.isLate,
        minutesLate: p.minutesLate,
        submittedAt: p.submittedAt,
        amendedAt: null,
        version: 1,
      }),
    },
    CHECK_IN_UPDATED: {
      rowId: (p) => p.id,
      evolve: (row, { payload: p }) => ({
        ...row,
        ...p.inputs,
        ...scoreColumns(p.scores),
        version: p.version,
        amendedAt: p.amendedAt,
      }),
    },
  },
  erase: {
    cleared: {
      hoursSlept: null,
      sleepQuality: null,
      stressLevel: null,
      physicalCondition: null,
      painLevel: null,
      painLocation: null,
      notes: null,
    },
    where: 't.person_id = $1::uuid',
    belongs: (row, personId) => row.personId === personId,
  },
});
