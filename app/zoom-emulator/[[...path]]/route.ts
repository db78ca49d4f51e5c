import { getDb } from "@/db";
import { listZoomUserIdsForMember } from "@/db/queries/connections";
import { getSessionUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { getDemoEmulator } from "@/lib/demo-zoom";
import type { EmulatorViewer } from "@/lib/zoom-emulator";

// Demo mode's users page lists, and deauthorizes, only the Zoom users connected to the signed-in
// customer's own tenants (none when signed out): other customers' users are not theirs to see.
const customer: EmulatorViewer = {
  async visibleUserIds() {
    const user = await getSessionUser();
    return new Set(user ? await listZoomUserIdsForMember(await getDb(), user.id) : []);
  },
};

// /zoom-emulator/* – the emulated Zoom of demo mode. With a Zoom app configured it does not exist.
async function handler(req: Request): Promise<Response> {
  const config = getConfig();
  if (!config.zoom.demo) return new Response("Not found", { status: 404 });
  return getDemoEmulator(config).handle(req, customer);
}

export { handler as GET, handler as POST };
