import { z } from "zod";
import { readForm } from "@/lib/api/request";
import { route } from "@/lib/api/route";
import { getBroker } from "@/lib/broker";
import { verifyConnectLink } from "@/lib/connect-links/links";
import { redirectToZoomConsent } from "@/lib/connect/start-connect";

const formSchema = z.object({ token: z.string().max(200) });

// POST /api/connect/start – the connect-link page's "Continue to Zoom" (a form post, no sign-in).
// An open link: 303 to Zoom's consent page, the link riding in the attempt cookie (nothing is
// claimed before the callback). Otherwise 303 back to the link's page, which says why.
export const POST = route(async (req) => {
  const { token } = await readForm(req, formSchema);
  const broker = await getBroker();
  const verdict = await verifyConnectLink(broker.db, token);
  if (verdict.status !== "open") {
    return new Response(null, {
      status: 303,
      headers: {
        location: new URL(`/connect/${encodeURIComponent(token)}`, broker.config.appUrl).toString(),
        "cache-control": "no-store",
      },
    });
  }
  return redirectToZoomConsent(broker, {
    tenantId: verdict.tenant.id,
    slug: verdict.tenant.slug,
    linkId: verdict.link.id,
    returnUrl: verdict.link.returnUrl,
  });
});
