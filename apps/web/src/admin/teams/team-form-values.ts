import { DEFAULT_SCHEDULE, isValidHm, parseHm } from '@aegira/domain';
import type { Team } from '../../team/team-types.ts';
import type { RouterInputs } from '../../trpc/types.ts';

export type CreateTeamInput = RouterInputs['teams']['create'];
export type UpdateTeamInput = RouterInputs['teams']['update'];

export type TeamFormValues = {
  name: string;
  description: string;
  leaderId: string;
  /** Empty: no supervisor. */
  supervisorId: string;
  windowStart: string;
  windowEnd: string;
  workDays: number[];
};

/** Each field is also the input path the server names in its field errors. */
export type TeamField = keyof TeamFormValues;
export type TeamErrors = Partial<Record<TeamField, string | undefined>>;

export const teamFields: readonly TeamField[] = [
  'name',
  'description',
  'leaderId',
  'supervisorId',
  'windowStart',
  'windowEnd',
  'workDays',
];

export const MAX_DESCRIPTION_LENGTH = 500;

export const newTeamValues: TeamFormValues = {
  name: '',
  description: '',
  leaderId: '',
  supervisorId: '',
  windowStart: DEFAULT_SCHEDULE.windowStart,
  windowEnd: DEFAULT_SCHEDULE.windowEnd,
  workDays: [...DEFAULT_SCHEDULE.workDays],
};

export function teamFormValues(team: Team): TeamFormValues {
  return {
    name: team.name,
    description: team.description ?? '',
    leaderId: team.leader.id,
    supervisorId: team.supervisor?.id ?? '',
    windowStart: team.windowStart,
    windowEnd: team.windowEnd,
    workDays: [...team.workDays],
  };
}

/** The checks the browser can make; the server checks names and leaders against the company. */
export function validateTeamForm(values: TeamFormValues): TeamErrors {
  const errors: TeamErrors = {
    name: values.name.trim() === '' ? 'Enter the team’s name.' : undefined,
    description:
      values.description.trim().length > MAX_DESCRIPTION_LENGTH
        ? `Use at most ${MAX_DESCRIPTION_LENGTH} characters.`
        : undefined,
    leaderId: values.leaderId === '' ? 'Choose the team lead.' : undefined,
    windowStart: isValidHm(values.windowStart) ? undefined : 'Enter a time such as 06:00.',
    windowEnd: isValidHm(values.windowEnd) ? undefined : 'Enter a time such as 10:00.',
    workDays: values.workDays.length === 0 ? 'Tick at least one work day.' : undefined,
  };
  if (!errors.windowStart && !errors.windowEnd) {
    if (parseHm(values.windowEnd) <= parseHm(values.windowStart)) {
      errors.windowEnd = 'The window must close after it opens.';
    }
  }
  return errors;
}

export function hasErrors(errors: TeamErrors): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}

function common(values: TeamFormValues) {
  const description = values.description.trim();
  return {
    name: values.name.trim(),
    description: description === '' ? null : description,
    leaderId: values.leaderId,
    supervisorId: values.supervisorId === '' ? null : values.supervisorId,
    windowStart: values.windowStart,
    windowEnd: values.windowEnd,
    workDays: [...values.workDays].sort((a, b) => a - b),
  };
}

export function toCreateTeamInput(values: TeamFormValues): CreateTeamInput {
  return common(values);
}

/** Every field; the server records only what changed. */
export function toUpdateTeamInput(id: string, values: TeamFormValues): UpdateTeamInput {
  return { id, ...common(values) };
}
