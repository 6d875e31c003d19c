import type { Person } from '../generated/prisma/client.ts';
import { defineProjection } from './define-projection.ts';
import { deactivatedFields, REACTIVATED_FIELDS } from './lifecycle-fields.ts';
import type { RowOf } from './row-state.ts';

export type PersonRow = RowOf<Person>;

// Built from payloads only, so replaying the log reproduces the row. Team
// membership changes arrive as the person's own events (assigned, unassigned,
// transfer completed).
export const personProjection = defineProjection<PersonRow>({
  table: 'persons',
  companyColumn: 'company_id',
  versions: 'person_versions',
  on: {
    PERSON_CREATED: {
      create: ({ payload: p }) => ({
        id: p.id,
        email: p.email,
        firstName: p.firstName,
        lastName: p.lastName,
        role: p.role,
        tokenVersion: 0,
        mustChangePassword: p.mustChangePassword,
        teamId: p.teamId,
        teamAssignedOn: p.teamAssignedOn,
        phone: p.phone,
        windowStart: p.windowStart,
        windowEnd: p.windowEnd,
        workDays: p.workDays,
        isActive: true,
        deactivatedAt: null,
        deactivatedById: null,
        deactivationReason: null,
        erasedAt: null,
      }),
    },
    PERSON_UPDATED: {
      rowId: (p) => p.id,
      evolve: (row, { payload }) => ({ ...row, ...payload.changes }),
    },
    PERSON_ROLE_CHANGED: {
      rowId: (p) => p.id,
      evolve: (row, { payload: p }) => ({
        ...row,
        role: p.to,
        teamId: p.teamId,
        teamAssignedOn: p.teamAssignedOn,
        tokenVersion: p.tokenVersion,
      }),
    },
    PERSON_PASSWORD_CHANGED: {
      rowId: (p) => p.id,
      evolve: (row, { payload }) => ({
        ...row,
        tokenVersion: payload.tokenVersion,
        mustChangePassword: false,
      }),
    },
    PERSON_PASSWORD_RESET: {
      rowId: (p) => p.id,
      evolve: (row, { payload }) => ({
        ...row,
        tokenVersion: payload.tokenVersion,
        mustChangePassword: true,
      }),
    },
    PERSON_SESSIONS_REVOKED: {
      rowId: (p) => p.id,
      evolve: (row, { payload }) => ({ ...row, tokenVersion: payload.tokenVersion }),
    },
    PERSON_DEACTIVATED: {
      rowId: (p) => p.id,
      evolve: (row, { payload: p }) => ({
        ...row,
        ...deactivatedFields(p),
        tokenVersion: p.tokenVersion,
      }),
    },
    PERSON_REACTIVATED: {
      rowId: (p) => p.id,
      evolve: (row) => ({ ...row, ...REACTIVATED_FIELDS }),
    },
    // Their health data is cleared elsewhere (each table's `erase`); the person row says when.
    PERSON_ERASED: {
      rowId: (p) => p.id,
      evolve: (row, { payload: p }) => ({ ...row, erasedAt: p.erasedAt }),
    },
    TEAM_MEMBER_ASSIGNED: {
      rowId: (p) => p.personId,
      evolve: (row, { payload: p }) => ({
        ...row,
        teamId: p.teamId,
        teamAssignedOn: p.effectiveOn,
      }),
    },
    TEAM_MEMBER_UNASSIGNED: {
      rowId: (p) => p.personId,
      evolve: (row) => ({ ...row, teamId: null, teamAssignedOn: null }),
    },
    TEAM_TRANSFER_COMPLETED: {
      rowId: (p) => p.personId,
      evolve: (row, { payload: p }) => ({
        ...row,
        teamId: p.toTeamId,
        teamAssignedOn: p.effectiveOn,
      }),
    },
  },
});
