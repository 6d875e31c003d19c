import type { Db } from '@aegira/db';
import { installFaults } from '@aegira/db/faults';

/** The text of a statement as the call that sent it names it (raw SQL, or model.method). */
function statementText(name: string, args: unknown[]): string {
  const [first] = args;
  if (Array.isArray(first)) return first.join('?'); // a tagged template's strings
  return typeof first === 'string' ? first : name;
}

function counting<T extends object>(target: T, record: (text: string) => void, prefix = ''): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof property !== 'string') return value;
      if (typeof value === 'function') {
        if (property === '$transaction') {
          return (work: (tx: object) => unknown, options: unknown) =>
            Reflect.apply(value, object, [(tx: object) => work(counting(tx, record)), options]);
        }
        if (property.startsWith('$queryRaw') || property.startsWith('$executeRaw') || prefix) {
          return (...args: unknown[]) => {
            record(statementText(`${prefix}${property}`, args));
            return Reflect.apply(value, object, args);
          };
        }
        return value;
      }
      // A model delegate (tx.person): each of its methods is one statement.
      if (typeof value === 'object' && value !== null && !property.startsWith('$') && !prefix) {
        return counting(value, record, `${property}.`);
      }
      return value;
    },
  });
}

/**
 * A Db that records every statement the code under test sends (raw SQL and model calls, in and
 * out of transactions), for tests that pin how many round trips a path costs. Statements a
 * transaction sends by the driver on its connection (decision 045) are seen through the
 * `statementSent` seam; the rest through the Prisma calls that send them.
 */
export function countStatements(db: Db): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const record = (text: string) => statements.push(text);
  const counted = counting(db, record);
  installFaults(counted, { statementSent: record });
  return { db: counted, statements };
}
