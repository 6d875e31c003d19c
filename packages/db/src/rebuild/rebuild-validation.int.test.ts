import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOwnedDatabase, type OwnedDatabase } from '../../test-support/fresh-database.ts';
import { createDb, type Db } from '../client.ts';
import { type SeededCompany, seedCompany } from '../seed/company.ts';
import { rebuildCompany } from './rebuild-company.ts';

// A rebuild validates each type's first payload and one in `every` of the rest (decision 022):
// a log holding a payload its schema refuses is refused where the sample reaches it, and
// always with `every: 1`; the target is left without the company.

let source: OwnedDatabase;
let target: OwnedDatabase;
let db: Db;

/** A company of its own for each case, so each log holds one refused payload. */
function newCompany(seed: number): Promise<SeededCompany> {
  return seedCompany(db, {
    workers: 4,
    assignedOn: '2026-10-01',
    at: new Date('2026-10-01T08:00:00Z'),
    seed,
  });
}

/** An event appended to the log as the owner can (the log is append-only, not closed to it). */
async function appendRaw(
  company: SeededCompany,
  type: string,
  entityType: string,
  payload: unknown,
) {
  await source.owner.query(
    `INSERT INTO events (id, company_id, type, entity_type, entity_id, payload, schema_version, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, 1, now())`,
    [randomUUID(), company.companyId, type, entityType, randomUUID(), JSON.stringify(payload)],
  );
}

async function targetHolds(company: SeededCompany): Promise<boolean> {
  const found = await target.owner.query('SELECT 1 FROM companies WHERE id = $1', [
    company.companyId,
  ]);
  return found.rows.length > 0;
}

beforeAll(async () => {
  source = await createOwnedDatabase();
  target = await createOwnedDatabase();
  db = createDb(source.database.appUrl);
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  for (const side of [source, target]) {
    await side?.owner.end();
    await side?.database.drop();
  }
});

describe('a rebuild reading a payload its schema refuses', () => {
  it('refuses one of a type already validated when every payload is checked', async () => {
    const company = await newCompany(1);
    // TEAM_CREATED events precede it, so the sample would have checked their first only.
    await appendRaw(company, 'TEAM_CREATED', 'team', { name: 42 });
    await expect(
      rebuildCompany(source.owner, target.owner, company.companyId, { validate: { every: 1 } }),
    ).rejects.toThrow(/Invalid TEAM_CREATED v1 payload/);
    expect(await targetHolds(company)).toBe(false);
  });

  it("refuses the first of its type by default (each type's first is validated)", async () => {
    const company = await newCompany(2);
    await appendRaw(company, 'HOLIDAY_CREATED', 'holiday', { date: 'soon' });
    await expect(rebuildCompany(source.owner, target.owner, company.companyId)).rejects.toThrow(
      /Invalid HOLIDAY_CREATED v1 payload/,
    );
    expect(await targetHolds(company)).toBe(false);
  });

  it('refuses a sample size that is not a whole number of at least 1', async () => {
    const company = await newCompany(3);
    await expect(
      rebuildCompany(source.owner, target.owner, company.companyId, { validate: { every: 0 } }),
    ).rejects.toThrow(/validate.every/);
    expect(await targetHolds(company)).toBe(false);
  });
});
