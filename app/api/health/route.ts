import { isDatabaseReachable } from "@/db";
import { retryAfterSeconds } from "@/db/outage";

const NO_STORE = { "cache-control": "no-store" };

// GET /api/health – 200 when configuration is valid and the database answers; 503 while it cannot be
// reached (the app keeps retrying by itself). Never names the database or its address.
export async function GET() {
  if (await isDatabaseReachable()) return Response.json({ ok: true }, { headers: NO_STORE });
  return Response.json(
    { ok: false, error: { code: "database_unreachable", message: "database unreachable" } },
    { status: 503, headers: { ...NO_STORE, "retry-after": String(retryAfterSeconds()) } },
  );
}
