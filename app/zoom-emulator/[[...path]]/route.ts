import { getConfig } from "@/lib/config";
import { getDemoEmulator } from "@/lib/demo-zoom";

// /zoom-emulator/* – the emulated Zoom of demo mode. With a Zoom app configured it does not exist.
async function handler(req: Request): Promise<Response> {
  const config = getConfig();
  if (!config.zoom.demo) return new Response("Not found", { status: 404 });
  return getDemoEmulator(config).handle(req);
}

export { handler as GET, handler as POST };
