import { z } from "zod";
import { clientIp } from "@/lib/api/client-ip";
import { readJson } from "@/lib/api/request";
import { withTenant } from "@/lib/auth/tenant";
import { getBroker } from "@/lib/broker";
import { meetingIdSchema } from "@/lib/zak/bot-query";
import { TOKEN_KINDS } from "@/lib/zak/kinds";
import { KIND_MINTING } from "@/lib/zak/mint";
import { testMint } from "@/lib/zak/test-mint";

const testSchema = z
  .object({ kind: z.enum(TOKEN_KINDS), meetingId: meetingIdSchema.optional() })
  .refine((input) => input.meetingId || KIND_MINTING[input.kind].meetingId !== "required", {
    path: ["meetingId"],
    message: "is required for this kind",
  });

// POST /api/tenants/:slug/token-test – mint a token the way the bot routes do and report how it went.
// The token itself never leaves the server. Owners and admins only: members see status and activity.
export const POST = withTenant("admin", async ({ req, tenant }) => {
  const { kind, meetingId } = await readJson(req, testSchema);
  return Response.json(
    await testMint(await getBroker(), {
      tenantId: tenant.id,
      clientIp: clientIp(req),
      kind,
      options: KIND_MINTING[kind].meetingId === "ignored" ? {} : { meetingId },
    }),
    { headers: { "cache-control": "no-store" } },
  );
});
