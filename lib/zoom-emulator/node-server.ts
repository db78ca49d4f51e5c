import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";
import { createZoomEmulator } from "./emulator";
import { DroppedConnection } from "./faults";
import { type ZoomEmulator, type ZoomEmulatorOptions } from "./types";

async function toRequest(req: IncomingMessage, fallbackHost: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, v);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(`http://${req.headers.host ?? fallbackHost}${req.url ?? "/"}`, {
    method,
    headers,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
  });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

async function serve(
  emulator: ZoomEmulator,
  fallbackHost: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    await writeResponse(res, await emulator.handle(await toRequest(req, fallbackHost)));
  } catch (err) {
    if (err instanceof DroppedConnection) {
      req.socket.destroy(); // no answer at all, as when a connection dies mid-request
      return;
    }
    res.statusCode = 500;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ code: 500, message: "Zoom emulator internal error" }));
    console.error("zoom emulator:", err);
  }
}

/** Runs the emulator on node:http. Port 0 picks a free port. */
export async function startZoomEmulatorServer(
  opts: ZoomEmulatorOptions & { port: number; host?: string },
): Promise<{ url: string; emulator: ZoomEmulator; close(): Promise<void> }> {
  const host = opts.host ?? "127.0.0.1";
  const emulator = createZoomEmulator(opts);
  let fallbackHost = host;
  const server = createServer((req, res) => void serve(emulator, fallbackHost, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  fallbackHost = `${host}:${port}`;
  return {
    url: `http://${fallbackHost}`,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
