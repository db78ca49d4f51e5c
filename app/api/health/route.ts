import { databaseOutage, getDb, isDatabaseReachable } from "@/db";
import { retryAfterSeconds } from "@/db/outage";
import { getConfig } from "@/lib/config";
import { countUndecryptable, describeUndecryptable } from "@/lib/key-rotation";

const NO_STORE = { "cache-control": "no-store" };

// GET /api/health – 200 when configuration is valid, the database answers and every sealed value
// opens with a configured key; 503 while the database cannot be reached (the app keeps retrying by
// itself), or with a count of rows sealed with a key this instance lacks. Never names the database,
// its address, a key or a token.
export async function GET() {
  const undecryptable = await undecryptableRows();
  if (undecryptable === null) {
    return Response.json(
      { ok: false, error: { code: "database_unreachable", message: "database unreachable" } },
      { status: 503, headers: { ...NO_STORE, "retry-after": String(retryAfterSeconds()) } },
    );
  }
  const message = describeUndecryptable(undecryptable);
  if (message === null) return Response.json({ ok: true }, { headers: NO_STORE });
  // Only the tables that have such rows.
  const counts = Object.fromEntries(Object.entries(undecryptable).filter(([, n]) => n > 0));
  return Response.json(
    { ok: false, error: { code: "undecryptable_rows", message }, undecryptable: counts },
    { status: 503, headers: NO_STORE },
  );
}

/** Rows per sealed table that no configured key opens; null while the database is unreachable. */
async function undecryptableRows(): Promise<Record<string, number> | null> {
  if (!(await isDatabaseReachable())) return null;
  try {
    return await countUndecryptable(await getDb(), getConfig().keyring);
  } catch (err) {
    if (databaseOutage(err)) return null;
    throw err;
  }
}
