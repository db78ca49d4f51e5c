import { botTokenRoute } from "@/lib/zak/bot-route";

export const dynamic = "force-dynamic";

// GET /api/access-token/:tenant?token=<secret> – see lib/zak/bot-route.ts
export const GET = botTokenRoute("access_token");
