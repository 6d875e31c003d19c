import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { type TestApi, useTestApi } from '../test-support/api-harness.ts';
import {
  MAY_CHANGE_NOTHING,
  newWorld,
  runStep,
  stepArbitrary,
  type World,
} from '../test-support/command-history.ts';
import { replayAndCompare, useReplayTarget } from '../test-support/replay-check.ts';

// Property: whatever sequence of commands two companies run, (1) a command
// that succeeds appends events and one that is refused appends none (events =
// state changes), and (2) replaying each company's log into an empty database
// rebuilds every entity table row for row. AEGIRA_PROPERTY_RUNS (500 with
// `pnpm test:property --long`) and AEGIRA_PROPERTY_SEED reproduce a run.
const RUNS = Number(process.env.AEGIRA_PROPERTY_RUNS ?? 30);
const SEED = Number(process.env.AEGIRA_PROPERTY_SEED ?? Date.now() % 2_147_483_647);

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

const replayTarget = useReplayTarget();

async function eventCount(companyId: string): Promise<number> {
  // Transfers whose day has come are completed by the system at the start of
  // a command, even one that is then refused; they are not that command's events.
  const result = await owner.query<{ n: string }>(
    `SELECT count(*) AS n FROM events
     WHERE company_id = $1 AND type <> 'TEAM_TRANSFER_COMPLETED'`,
    [companyId],
  );
  return Number(result.rows[0]?.n ?? 0);
}

describe('replay property', () => {
  it(`AT-5: random command sequences over two companies replay exactly (seed ${SEED}, ${RUNS} runs, at least 500 commands)`, async () => {
    console.info(`replay property: seed ${SEED}, ${RUNS} runs`);
    let commands = 0;
    const outcomes = new Map<string, { ok: number; refused: number }>();
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 20, maxLength: 40 }), async (steps) => {
        // Monday 2026-11-23, 08:00 in Berlin: inside the default window.
        const clock = { day: 0 };
        api.deps.now = () => new Date(Date.UTC(2026, 10, 23 + clock.day, 7, 0));
        const worlds: World[] = [];
        for (let i = 0; i < 2; i += 1) worlds.push(await newWorld(api));
        for (const step of steps) {
          const world = worlds[step.company];
          if (!world) continue;
          commands += 1;
          const before = await eventCount(world.companyId);
          let refused = false;
          let issued = false;
          try {
            issued = await runStep({ api, owner }, world, step, clock);
          } catch (error) {
            if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR')
              throw error;
            refused = true;
          }
          const appended = (await eventCount(world.companyId)) - before;
          const tally = outcomes.get(step.kind) ?? { ok: 0, refused: 0 };
          if (refused) tally.refused += 1;
          else if (issued) tally.ok += 1;
          outcomes.set(step.kind, tally);
          // A refusal is part of the property: it must leave no trace.
          if (refused) expect(appended, `${step.kind} was refused yet appended`).toBe(0);
          else if (issued && !MAY_CHANGE_NOTHING.has(step.kind)) {
            expect(appended, `${step.kind} succeeded without an event`).toBeGreaterThan(0);
          }
        }
        for (const world of worlds) {
          const { tables } = await replayAndCompare(owner, replayTarget(), world.companyId);
          for (const { table, original, replayed } of tables) {
            expect(replayed, table).toEqual(original);
          }
        }
        api.deps.now = undefined;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.info(
      [...outcomes]
        .map(([kind, { ok, refused }]) => `${kind}: ${ok} done, ${refused} refused`)
        .join('\n'),
    );
    expect(commands).toBeGreaterThanOrEqual(RUNS * 20);
    // Resilience case AT-5 asks for at least 500 random commands (30 sequences of 20–40 by default).
    expect(commands).toBeGreaterThanOrEqual(500);
    // The sequences must mostly change state, or the replay proves little.
    const done = [...outcomes.values()].reduce((sum, { ok }) => sum + ok, 0);
    expect(done).toBeGreaterThan(commands / 3);
  }, 600_000);
});
