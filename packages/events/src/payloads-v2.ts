import { z } from 'zod';
import { hhmm, localDate, role, uuid, workDays } from './primitives.ts';

// Version 2 of the payloads that have since changed. Stored events of this
// version exist and must stay readable forever: never edit these schemas
// (written out in full, like payloads-v1.ts).

// Version 3 added mustChangePassword (an admin-set password must be changed at
// the next login); people created before it had chosen their own.
export const personCreatedV2 = z.strictObject({
  id: uuid,
  email: z.email(),
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  phone: z.string().nullable(),
  windowStart: hhmm.nullable(),
  windowEnd: hhmm.nullable(),
  workDays,
  role,
  teamId: uuid.nullable(),
  teamAssignedOn: localDate.nullable(),
});
