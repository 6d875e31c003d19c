import type { Db, ReadTx } from '@aegira/db';

// Never run, only compiled: `pnpm typecheck` includes this file, and each
// expected-error directive below fails the build the day the line under it
// type-checks, that is, the day application code could change a table without its event
// (docs/decisions/009-write-path-by-construction.md). The database refuses
// the same writes at run time (packages/db/src/guards.int.test.ts).
export function writesApplicationCodeCannotMake(db: Db, tx: ReadTx): void {
  // @ts-expect-error entity rows change only through the projection of their event
  void tx.person.update({ where: { id: 'p' }, data: { firstName: 'x' } });
  // @ts-expect-error entity rows are created only by a projection
  void tx.checkIn.createMany({ data: [] });
  // @ts-expect-error entities are deactivated, never deleted
  void tx.team.deleteMany({});
  // @ts-expect-error events are append-only
  void tx.event.update({ where: { id: 'e' }, data: { payload: {} } });
  // @ts-expect-error events are never deleted
  void tx.event.deleteMany({});
  // @ts-expect-error audit rows are never deleted
  void tx.auditLog.deleteMany({ where: { id: 'a' } });
  // @ts-expect-error raw statements that change rows are not on the read handle
  void tx.$executeRaw`UPDATE persons SET first_name = 'x'`;
  // @ts-expect-error the application client has no model delegates: reads go through withTenant
  void db.person.update({ where: { id: 'p' }, data: { firstName: 'x' } });
  // @ts-expect-error transactions open only through withTenant and executeCommand
  void db.$transaction([]);
}
