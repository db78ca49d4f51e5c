import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/guard/hostile-request";
import { PEER_ADDRESS_HEADER } from "./peer-address";
import { installRequestGuards } from "./request-guards";

/**
 * Writes `request` (and then whatever `more` writes), resolves with all the server sent until it
 * ended the connection; a reset before that fails.
 */
function rawExchange(
  port: number,
  request: string,
  more?: (socket: net.Socket) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
    socket.write(request);
    more?.(socket);
  });
}

const CHUNK = 64 * 1024;

describe("installRequestGuards", () => {
  let server: http.Server;
  let port: number;
  /** What the app (the server's own handler) saw of each request it was given. */
  const seen: { peer: string | undefined; bodyBytes: number }[] = [];
  beforeAll(async () => {
    installRequestGuards(() => "https://broker.example");
    server = http.createServer((req, res) => {
      let bodyBytes = 0;
      req.on("data", (chunk: Buffer) => (bodyBytes += chunk.length));
      // Answers a moment after the body ends, as Next does.
      req.on("end", () =>
        setTimeout(() => {
          seen.push({ peer: req.headers[PEER_ADDRESS_HEADER] as string | undefined, bodyBytes });
          res.end(`handled ${bodyBytes}`);
        }, 20),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("answers TRACE and CONNECT with 405 instead of reaching the app or dropping the connection", async () => {
    const trace = await rawExchange(
      port,
      "TRACE / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
    );
    expect(trace).toMatch(/^HTTP\/1\.1 405 [\s\S]*Method TRACE is not allowed/);
    const connect = await rawExchange(port, "CONNECT example.com:443 HTTP/1.1\r\nhost: x\r\n\r\n");
    expect(connect).toMatch(/^HTTP\/1\.1 405 /);
  });

  it("leaves other requests to the server's own handler, with the socket's peer address stamped over a forged one", async () => {
    const answer = await rawExchange(
      port,
      `GET / HTTP/1.1\r\nhost: x\r\n${PEER_ADDRESS_HEADER}: 203.0.113.9\r\nconnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 [\s\S]*handled 0$/);
    expect(seen.at(-1)?.peer).toBe("127.0.0.1");
  });

  it("refuses a declared body past the cap with 413 before reading it, and closes the connection", async () => {
    const before = seen.length;
    // 100 MB declared, a few bytes sent: the answer comes without the rest.
    const answer = await rawExchange(
      port,
      "POST /api/zoom/webhook HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n" +
        `content-length: ${100 * 1024 * 1024}\r\n\r\n{"a":`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toMatch(/\r\nstrict-transport-security: max-age=/i);
    expect(answer).toContain(
      '{"error":{"code":"payload_too_large","message":"Body is too large"}}',
    );
    expect(seen.length, "the app never saw it").toBe(before);
  });

  it("reads a chunked body no further than the cap, hands the app more than it, and closes the connection after the answer", async () => {
    const chunk = `${CHUNK.toString(16)}\r\n${"a".repeat(CHUNK)}\r\n`;
    // The cap plus four chunks sent, never the last chunk: only the cut-off body lets it answer.
    const answer = await rawExchange(
      port,
      "POST /api/signup HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n",
      (socket) => {
        for (let sent = 0; sent < MAX_BODY_BYTES + 4 * CHUNK; sent += CHUNK) socket.write(chunk);
      },
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    const handed = seen.at(-1)!.bodyBytes;
    expect(handed).toBeGreaterThan(MAX_BODY_BYTES);
    expect(handed).toBeLessThanOrEqual(MAX_BODY_BYTES + CHUNK);
  });

  it("lets a chunked body within the cap through whole", async () => {
    const body = "b".repeat(1000);
    const answer = await rawExchange(
      port,
      "POST /api/signup HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n" +
        `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 [\s\S]*handled 1000$/);
  });
});
