import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../client.ts';

const production = vi.hoisted(() => ({ on: false }));
vi.mock('@aegira/config', () => ({ runsInProduction: () => production.on }));

const { FaultsInProductionError, faultsOf, installFaults } = await import('./fault-hooks.ts');

// Hooks key on the instance only; a plain object stands in for a client.
const fakeDb = () => ({}) as Db;

describe('fault hooks', () => {
  it('attach to one client only and come off again', () => {
    const db = fakeDb();
    const other = fakeDb();
    const hooks = { transactionCalled: () => undefined };
    const remove = installFaults(db, hooks);
    expect(faultsOf(db)).toBe(hooks);
    expect(faultsOf(other)).toBeUndefined();
    remove();
    expect(faultsOf(db)).toBeUndefined();
  });

  it('are refused when NODE_ENV=production', () => {
    production.on = true;
    try {
      const db = fakeDb();
      expect(() => installFaults(db, {})).toThrow(FaultsInProductionError);
      expect(faultsOf(db)).toBeUndefined();
    } finally {
      production.on = false;
    }
  });
});
