// Runs once when a server process starts: validate configuration, open and migrate the database,
// and start background work, so the first request does not pay for any of it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampPeerAddresses } = await import("./lib/http/stamp-peer-address");
  stampPeerAddresses();
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
