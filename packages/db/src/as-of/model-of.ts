import {
  type CheckIn,
  type Holiday,
  type Leave,
  type MissedCheckIn,
  type Person,
  Prisma,
  type Team,
  type TeamTransfer,
} from '../generated/prisma/client.ts';
import { dateColumn, type RowOf } from '../projections/row-state.ts';

// A folded row holds JSON values (RowOf); the services' DTO builders take Prisma's models.
// Each model's shape names its date and decimal fields; `satisfies` makes the compiler
// refuse a shape that misses one (or names one that is not), so a column added later
// cannot slip through as a string.

type DateKeys<M> = { [K in keyof M]-?: NonNullable<M[K]> extends Date ? K : never }[keyof M];
type DecimalKeys<M> = {
  [K in keyof M]-?: NonNullable<M[K]> extends Prisma.Decimal ? K : never;
}[keyof M];

/** 'day': a DATE column ('YYYY-MM-DD'); 'instant': a timestamp (ISO string). */
type Shape<M> = Record<DateKeys<M>, 'day' | 'instant'> & Record<DecimalKeys<M>, 'decimal'>;

const TRACKED = { createdAt: 'instant', updatedAt: 'instant' } as const;

const PERSON = {
  ...TRACKED,
  teamAssignedOn: 'day',
  deactivatedAt: 'instant',
  erasedAt: 'instant',
} satisfies Shape<Person>;
const TEAM = { ...TRACKED, deactivatedAt: 'instant' } satisfies Shape<Team>;
const CHECK_IN = {
  ...TRACKED,
  localDate: 'day',
  submittedAt: 'instant',
  amendedAt: 'instant',
  hoursSlept: 'decimal',
  hoursScore: 'decimal',
  sleepScore: 'decimal',
  stressScore: 'decimal',
  physicalScore: 'decimal',
  painScore: 'decimal',
} satisfies Shape<CheckIn>;
const TRANSFER = {
  ...TRACKED,
  effectiveOn: 'day',
  resolvedAt: 'instant',
} satisfies Shape<TeamTransfer>;
const MISS = {
  ...TRACKED,
  localDate: 'day',
  detectedAt: 'instant',
  resolvedAt: 'instant',
  excusedAt: 'instant',
} satisfies Shape<MissedCheckIn>;
const LEAVE = {
  ...TRACKED,
  startDate: 'day',
  endDate: 'day',
  cancelledAt: 'instant',
} satisfies Shape<Leave>;
const HOLIDAY = { ...TRACKED, date: 'day' } satisfies Shape<Holiday>;

function revive<M>(row: RowOf<M>, shape: Record<string, 'day' | 'instant' | 'decimal'>): M {
  const model: Record<string, unknown> = { ...row };
  for (const [field, kind] of Object.entries(shape)) {
    const value = model[field];
    if (value === null || value === undefined) continue;
    if (kind === 'decimal') model[field] = new Prisma.Decimal(value as number);
    else if (kind === 'day') model[field] = dateColumn(value as string);
    else model[field] = new Date(value as string);
  }
  // Every non-JSON field of M is revived above (checked by the shapes); the rest are equal.
  return model as M;
}

/** Folded rows as the models Prisma would read from the table. */
export const modelOf = {
  person: (row: RowOf<Person>): Person => revive(row, PERSON),
  team: (row: RowOf<Team>): Team => revive(row, TEAM),
  checkIn: (row: RowOf<CheckIn>): CheckIn => revive(row, CHECK_IN),
  teamTransfer: (row: RowOf<TeamTransfer>): TeamTransfer => revive(row, TRANSFER),
  missedCheckIn: (row: RowOf<MissedCheckIn>): MissedCheckIn => revive(row, MISS),
  leave: (row: RowOf<Leave>): Leave => revive(row, LEAVE),
  holiday: (row: RowOf<Holiday>): Holiday => revive(row, HOLIDAY),
};
