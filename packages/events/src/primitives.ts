import { z } from 'zod';

export const ROLES = ['ADMIN', 'WHS', 'SUPERVISOR', 'TEAM_LEAD', 'WORKER'] as const;
export type Role = (typeof ROLES)[number];

export const uuid = z.uuid();
export const role = z.enum(ROLES);
/** A local calendar date of the company, never shifted through UTC. */
export const localDate = z.iso.date();
export const timestamp = z.iso.datetime({ offset: true });
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm');
export const workDays = z.array(z.number().int().min(1).max(7)).max(7);
export const readinessLevel = z.enum(['GREEN', 'YELLOW', 'RED']);
