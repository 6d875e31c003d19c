import { describe, expect, it } from 'vitest';
import { isUniqueViolation, transientDatabaseFailure, uniqueViolationIndex } from './db-errors.ts';

/** A node-postgres server error, as the driver raises it. */
function pgError(code: string, message: string) {
  return Object.assign(new Error(message), { code, severity: 'ERROR' });
}

/** The shape Prisma 7 gives a raw query's failure: P2010 over the driver adapter's error. */
function prismaRaw(originalCode: string, message: string) {
  return Object.assign(
    new Error(`Raw query failed. Code: \`${originalCode}\`. Message: \`${message}\``),
    {
      code: 'P2010',
      meta: {
        driverAdapterError: Object.assign(new Error('DriverAdapterError'), {
          name: 'DriverAdapterError',
          cause: { kind: 'postgres', originalCode, originalMessage: message, code: originalCode },
        }),
      },
    },
  );
}

describe('transientDatabaseFailure', () => {
  it.each([
    ['lock timeout', pgError('55P03', 'canceling statement due to lock timeout'), 'busy'],
    ['deadlock', prismaRaw('40P01', 'deadlock detected'), 'busy'],
    ['serialization failure', pgError('40001', 'could not serialize access'), 'busy'],
    [
      'statement timeout',
      prismaRaw('57014', 'canceling statement due to statement timeout'),
      'timeout',
    ],
    [
      'terminated backend',
      pgError('57P01', 'terminating connection due to administrator command'),
      'unavailable',
    ],
    ['connection exception class 08', pgError('08006', 'connection failure'), 'unavailable'],
    [
      'socket reset',
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      'unavailable',
    ],
    [
      'lost connection (words only)',
      new Error('Connection terminated unexpectedly'),
      'unavailable',
    ],
    ['pool wait', new Error('timeout exceeded when trying to connect'), 'busy'],
    [
      'Prisma transaction start',
      Object.assign(
        new Error('Transaction API error: Unable to start a transaction in the given time.'),
        { code: 'P2028' },
      ),
      'busy',
    ],
    [
      'Prisma expired transaction',
      Object.assign(
        new Error('Transaction API error: A commit cannot be executed on an expired transaction.'),
        { code: 'P2028' },
      ),
      'timeout',
    ],
    [
      'Prisma write conflict',
      Object.assign(new Error('write conflict'), { code: 'P2034' }),
      'busy',
    ],
    [
      'adapter kind',
      { name: 'DriverAdapterError', cause: { kind: 'ConnectionClosed' } },
      'unavailable',
    ],
    ['wrapped in a cause', new Error('outer', { cause: pgError('55P03', 'lock timeout') }), 'busy'],
  ])('%s is %s', (_label, error, expected) => {
    expect(transientDatabaseFailure(error)).toBe(expected);
  });

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value')],
    ['a division by zero', prismaRaw('22012', 'division by zero')],
    ['a programming error', new TypeError('x is undefined')],
    ['not an error', 'Connection terminated'],
  ])('%s is not transient', (_label, error) => {
    expect(transientDatabaseFailure(error)).toBeUndefined();
  });
});

describe('isUniqueViolation and uniqueViolationIndex', () => {
  it('know a unique violation whether the driver or Prisma reports it (decision 045)', () => {
    const driver = Object.assign(pgError('23505', 'duplicate key value'), {
      constraint: 'check_ins_company_id_person_id_local_date_key',
    });
    expect(isUniqueViolation(driver)).toBe(true);
    expect(uniqueViolationIndex(driver)).toBe('check_ins_company_id_person_id_local_date_key');
    expect(isUniqueViolation(prismaRaw('23505', 'duplicate key value'))).toBe(true);
    expect(isUniqueViolation(pgError('23503', 'violates foreign key'))).toBe(false);
    expect(isUniqueViolation(prismaRaw('23503', 'violates foreign key'))).toBe(false);
  });
});
