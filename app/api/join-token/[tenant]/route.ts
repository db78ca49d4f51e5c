import { botTokenRoute } from "@/lib/zak/bot-route";

export const dynamic = "force-dynamic";

// GET /api/join-token/:tenant?token=<secret> – see lib/zak/bot-route.ts
export const GET = botTokenRoute("join_token");
