import { getDb } from "@/db";

// GET /api/health – ready once configuration is valid and the database is open and migrated.
export async function GET() {
  await getDb();
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
