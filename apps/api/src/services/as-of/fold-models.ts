import {
  type FoldedEntity,
  type FoldOptions,
  foldEntities,
  type ReadTx,
  type TableProjection,
} from '@aegira/db';
import type { AsOf } from './resolve-as-of.ts';

interface Tracked {
  id: string;
  updatedAt: string;
}

/**
 * The rows of `ids` that existed at the cut, folded from the log by their table's
 * projection and revived as the models the present read's DTO builders take.
 */
export async function modelsAsOf<Row extends Tracked, Model>(
  read: ReadTx,
  projection: TableProjection<Row>,
  ids: readonly string[],
  asOf: AsOf,
  revive: (row: Row) => Model,
  options: FoldOptions = {},
): Promise<Model[]> {
  const folded: Map<string, FoldedEntity<Row>> = await foldEntities(
    read,
    projection,
    [...new Set(ids)],
    asOf.cut,
    options,
  );
  return [...folded.values()].flatMap(({ row }) => (row ? [revive(row)] : []));
}

/** The ids of rows a query found, for a fold. */
export const idsOf = (rows: ReadonlyArray<{ id: string }>) => rows.map((row) => row.id);
