import { and, asc, eq, gt, or, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { SEALED_TABLES, type SealedTable } from "../sealed-columns";

export interface SealedRow {
  id: string;
  /** The sealed values, in the order of the table's columns. */
  values: string[];
}

// starts_with rather than LIKE: key ids may contain "_", a LIKE wildcard.
const sealedWithNone = (t: SealedTable, prefixes: readonly string[]): SQL =>
  or(
    ...t.columns.map((c) =>
      and(...prefixes.map((prefix) => sql`not starts_with(${c.column}, ${prefix})`)),
    ),
  )!;

const rowFields = (t: SealedTable) => ({
  id: sql<string>`${t.id}::text`,
  values: sql<string[]>`array[${sql.join(
    t.columns.map((c) => c.column),
    sql`, `,
  )}]`,
});

/** The next rows (by id, after `afterId`) with a sealed value that does not start with `prefix`. */
export async function listRowsNotSealedWith(
  db: Db,
  t: SealedTable,
  prefix: string,
  afterId: string | null,
  limit: number,
): Promise<SealedRow[]> {
  const notOnKey = sealedWithNone(t, [prefix]);
  return db
    .select(rowFields(t))
    .from(t.table)
    .where(afterId === null ? notOnKey : and(gt(t.id, afterId), notOnKey))
    .orderBy(asc(t.id))
    .limit(limit);
}

export async function findSealedRow(
  db: Db,
  t: SealedTable,
  id: string,
): Promise<SealedRow | undefined> {
  const [row] = await db.select(rowFields(t)).from(t.table).where(eq(t.id, id)).limit(1);
  return row;
}

/**
 * Compare-and-set on the sealed values: writes `next` only while the row still holds `previous`, so a
 * concurrent writer (a refresh committing a new token pair) always wins. Touches nothing else, not
 * even a version column, so a refresh in flight commits as if the rewrite had not happened.
 */
export async function rewriteSealedRow(
  db: Db,
  t: SealedTable,
  row: SealedRow,
  next: string[],
): Promise<boolean> {
  const set = Object.fromEntries(t.columns.map((c, i) => [c.key, next[i]]));
  const unchanged = t.columns.map((c, i) => eq(c.column, row.values[i]));
  const updated = await db
    .update(t.table)
    .set(set)
    .where(and(eq(t.id, row.id), ...unchanged))
    .returning({ id: t.id });
  return updated.length > 0;
}

/**
 * In one query, per sealed table, how many rows hold a value that starts with none of `prefixes`
 * (the configured keys'): rows this server cannot decrypt.
 */
export async function countRowsSealedWithNone(
  db: Db,
  prefixes: readonly string[],
): Promise<Record<string, number>> {
  const [first, second, ...more] = SEALED_TABLES.map((t) =>
    db
      .select({ name: sql<string>`${t.name}::text`, n: sql<number>`count(*)::int` })
      .from(t.table)
      .where(sealedWithNone(t, prefixes)),
  );
  const rows = await (second ? unionAll(first!, second, ...more) : first!);
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}
