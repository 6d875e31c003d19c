import { localDateOf, type Prisma, type ReadTx } from '@aegira/db';
import { z } from 'zod';
import { fullName } from '../teams/team-dto.ts';

export const LEAVE_TYPES = ['ANNUAL', 'SICK', 'OTHER'] as const;
export const leaveTypeOutput = z.enum(LEAVE_TYPES);

export const leaveOutput = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  type: leaveTypeOutput,
  /** Local dates of the company, both inclusive. */
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  note: z.string().nullable(),
  recordedById: z.uuid(),
  createdAt: z.iso.datetime(),
  cancelledAt: z.iso.datetime().nullable(),
  cancelledById: z.uuid().nullable(),
});
export type LeaveDto = z.infer<typeof leaveOutput>;

export type LeaveRow = Prisma.LeaveGetPayload<object>;

/** Leave rows as DTOs, with the names of their people: one query. */
export async function toLeaveDtos(read: ReadTx, rows: readonly LeaveRow[]): Promise<LeaveDto[]> {
  if (rows.length === 0) return [];
  const people = await read.person.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.personId))] } },
    select: { id: true, firstName: true, lastName: true },
  });
  const names = new Map(people.map((person) => [person.id, fullName(person)]));
  return rows.map((row) => ({
    id: row.id,
    personId: row.personId,
    personName: names.get(row.personId) ?? 'Unknown person',
    type: row.type,
    startDate: localDateOf(row.startDate),
    endDate: localDateOf(row.endDate),
    note: row.note,
    recordedById: row.recordedById,
    createdAt: row.createdAt.toISOString(),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    cancelledById: row.cancelledById,
  }));
}

export async function toLeaveDto(read: ReadTx, row: LeaveRow): Promise<LeaveDto> {
  const [dto] = await toLeaveDtos(read, [row]);
  if (!dto) throw new Error(`leave ${row.id} produced no DTO`);
  return dto;
}
