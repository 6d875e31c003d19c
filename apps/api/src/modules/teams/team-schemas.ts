import { DEFAULT_SCHEDULE, isValidHm } from '@aegira/domain';
import { z } from 'zod';
import { asOfOutput } from '../../services/as-of/resolve-as-of.ts';
import {
  assignmentOutput,
  teamDetailOutput,
  teamOutput,
  transferOutput,
} from '../../services/teams/team-dto.ts';
import { asOfInput } from '../shared/as-of-input.ts';

// Shapes and formats are checked here; the rules that need the schedule as a
// whole or the database (end after start, unique names, free leaders) are the
// service's, so the same checks hold for partial updates.

const teamName = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');

/** An empty description is no description. */
const description = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .nullable()
  .transform((value) => (value ? value : null));

const time = z.string().refine(isValidHm, 'must be a time as HH:mm between 00:00 and 23:59');

const workDays = z
  .array(
    z
      .number()
      .int('must be a whole number')
      .min(1, 'must be a weekday from 1 (Monday) to 7 (Sunday)')
      .max(7, 'must be a weekday from 1 (Monday) to 7 (Sunday)'),
  )
  .min(1, 'must include at least one day')
  .refine((days) => new Set(days).size === days.length, 'must not repeat a day')
  .transform((days) => [...days].sort((a, b) => a - b));

const teamId = z.uuid('must be a team id');
const leaderId = z.uuid('must be the id of a team lead');
const supervisorId = z.uuid('must be the id of a supervisor or null').nullable();
/** Optional for API clients; the web sends the version it loaded (decision 035). */
const expectedVersion = z
  .uuid('must be the version of the team you loaded (its `version` field)')
  .optional();

export const createTeamInput = z.strictObject({
  name: teamName,
  description: description.optional().transform((value) => value ?? null),
  leaderId,
  supervisorId: supervisorId.optional().transform((value) => value ?? null),
  windowStart: time.default(DEFAULT_SCHEDULE.windowStart),
  windowEnd: time.default(DEFAULT_SCHEDULE.windowEnd),
  workDays: workDays.default([...DEFAULT_SCHEDULE.workDays]),
});

/** Only the fields present change; null clears description or supervisor. */
export const updateTeamInput = z.strictObject({
  id: teamId,
  expectedVersion,
  name: teamName.optional(),
  description: description.optional(),
  leaderId: leaderId.optional(),
  supervisorId: supervisorId.optional(),
  windowStart: time.optional(),
  windowEnd: time.optional(),
  workDays: workDays.optional(),
});

/** One team, now or as of a point in the past (asOf). */
export const getTeamInput = z.strictObject({ id: teamId, asOf: asOfInput });

export const reactivateTeamInput = z.strictObject({ id: teamId, expectedVersion });

export const deactivateTeamInput = z.strictObject({
  id: teamId,
  expectedVersion,
  reason: z
    .string()
    .trim()
    .min(1, 'is required: say why the team is deactivated')
    .max(500, 'must be at most 500 characters'),
});

export const listTeamsInput = z
  .strictObject({
    /** true (default): active teams; false: deactivated ones. */
    active: z.boolean('must be true or false').default(true),
    search: z.string().trim().max(100, 'must be at most 100 characters').optional(),
  })
  .default({ active: true });

export const assignMemberInput = z.strictObject({
  personId: z.uuid('must be the id of a worker'),
  teamId,
});

export const cancelTransferInput = z.strictObject({
  personId: z.uuid('must be the id of a worker with a pending transfer'),
});

export const teamListOutput = z.object({ items: z.array(teamOutput) });

/** The team page; `asOf` says where the log was cut (null: the present). */
export const getTeamOutput = teamDetailOutput.extend({ asOf: asOfOutput });

export { assignmentOutput, teamOutput, transferOutput };
