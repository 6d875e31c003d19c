import { describe, expect, it } from 'vitest';
import { CompanyWriteSlots, CompanyWritesBusyError } from './company-write-slots.ts';
import { transientDatabaseFailure } from './db-errors.ts';

/** A write that runs until `finish()` is called. */
function heldWrite() {
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { finish, work: () => done };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('company write slots', () => {
  it('runs at most `slots` writes of one company at once and starts the rest in arrival order', async () => {
    const slots = new CompanyWriteSlots({ slots: 2, maxWaitMs: 1_000 });
    const writes = [heldWrite(), heldWrite(), heldWrite(), heldWrite()];
    const started: number[] = [];
    const runs = writes.map((write, index) =>
      slots.run('a', async () => {
        started.push(index);
        await write.work();
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(slots.load('a')).toEqual({ running: 2, waiting: 2 });
    writes[1]?.finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    writes[0]?.finish();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(slots.load('a')).toEqual({ running: 2, waiting: 0 });
    for (const write of writes) write.finish();
    await Promise.all(runs);
    expect(slots.load('a')).toEqual({ running: 0, waiting: 0 });
  });

  it('lets another company write while one company’s slots are full', async () => {
    const slots = new CompanyWriteSlots({ slots: 1, maxWaitMs: 1_000 });
    const flood = heldWrite();
    const floodRun = slots.run('a', flood.work);
    await expect(slots.run('b', async () => 'b wrote')).resolves.toBe('b wrote');
    flood.finish();
    await floodRun;
  });

  it('fails a write that waits past maxWait as busy, and frees its place in the queue', async () => {
    const slots = new CompanyWriteSlots({ slots: 1, maxWaitMs: 30 });
    const held = heldWrite();
    const first = slots.run('a', held.work);
    const late = slots.run('a', async () => 'never');
    const error = await late.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CompanyWritesBusyError);
    expect(transientDatabaseFailure(error)).toBe('busy');
    expect(slots.load('a')).toEqual({ running: 1, waiting: 0 });
    held.finish();
    await first;
    await expect(slots.run('a', async () => 'after')).resolves.toBe('after');
  });

  it('releases the slot of a write that throws', async () => {
    const slots = new CompanyWriteSlots({ slots: 1, maxWaitMs: 1_000 });
    await expect(
      slots.run('a', async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(slots.load('a')).toEqual({ running: 0, waiting: 0 });
    await expect(slots.run('a', async () => 'next')).resolves.toBe('next');
  });

  it('does not limit a batch client (Infinity)', async () => {
    const slots = new CompanyWriteSlots({ slots: Number.POSITIVE_INFINITY, maxWaitMs: 10 });
    const writes = Array.from({ length: 50 }, () => heldWrite());
    let started = 0;
    const runs = writes.map((write) =>
      slots.run('a', async () => {
        started += 1;
        await write.work();
      }),
    );
    await tick();
    expect(started).toBe(50);
    for (const write of writes) write.finish();
    await Promise.all(runs);
  });
});
