import { INCIDENT_REJECTION_REASONS, INCIDENT_SEVERITIES, INCIDENT_TYPES } from '@aegira/events';
import { z } from 'zod';
import { INCIDENT_STATUSES, incidentOutput } from '../../services/incidents/incident-dto.ts';
import { localDateInput, pageFields, toNotBeforeFrom } from '../shared/dated-list-input.ts';

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of: ${values.join(', ')}` });

export const reportIncidentInput = z.strictObject({
  type: oneOf(INCIDENT_TYPES),
  severity: oneOf(INCIDENT_SEVERITIES),
  title: z
    .string('must be text')
    .trim()
    .min(1, 'is required: say briefly what happened')
    .max(200, 'must be at most 200 characters'),
  location: z
    .string('must be text')
    .trim()
    .max(200, 'must be at most 200 characters')
    .nullable()
    .default(null)
    .transform((value) => (value ? value : null)),
  description: z
    .string('must be text')
    .trim()
    .min(1, 'is required: describe what happened')
    .max(2000, 'must be at most 2,000 characters'),
  occurredAt: z.iso.datetime({ offset: true, error: 'must be a date and time' }),
  peopleInvolvedIds: z
    .array(z.uuid('must be ids of people in your company'))
    .max(50, 'must name at most 50 people')
    .default([]),
});

export const incidentIdInput = z.strictObject({ incidentId: z.uuid('must be an incident id') });

export const approveIncidentInput = z.strictObject({
  incidentId: z.uuid('must be an incident id'),
  /** Another active WHS officer to take the case; the approver by default. */
  assigneeId: z.uuid('must be the id of a WHS officer').optional(),
});

export const rejectIncidentInput = z.strictObject({
  incidentId: z.uuid('must be an incident id'),
  reason: oneOf(INCIDENT_REJECTION_REASONS),
  explanation: z
    .string('must be text')
    .trim()
    .min(1, 'is required: explain the rejection to the reporter')
    .max(500, 'must be at most 500 characters'),
});

export const listIncidentsInput = z
  .strictObject({
    status: oneOf(INCIDENT_STATUSES).optional(),
    severity: oneOf(INCIDENT_SEVERITIES).optional(),
    type: oneOf(INCIDENT_TYPES).optional(),
    teamId: z.uuid('must be a team id').optional(),
    from: localDateInput.optional(),
    to: localDateInput.optional(),
    search: z.string('must be text').trim().max(200, 'must be at most 200 characters').optional(),
    ...pageFields,
  })
  .superRefine(toNotBeforeFrom)
  .default({ limit: 25 });

export const listMyIncidentsInput = z.strictObject(pageFields).default({ limit: 25 });

const statusCounts = z.object({ PENDING: z.number(), APPROVED: z.number(), REJECTED: z.number() });

export const incidentPageOutput = z.object({
  items: z.array(incidentOutput),
  nextCursor: z.string().nullable(),
  timeZone: z.string(),
});

export const incidentListOutput = incidentPageOutput.extend({ counts: statusCounts });

export const incidentDetailOutput = incidentOutput.extend({ timeZone: z.string() });

export const incidentCountsOutput = z.object({
  incidents: statusCounts,
  cases: z.object({
    OPEN: z.number(),
    INVESTIGATING: z.number(),
    RESOLVED: z.number(),
    CLOSED: z.number(),
  }),
});

export const officersOutput = z.array(z.object({ id: z.uuid(), name: z.string() }));

export { incidentOutput };
