import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "./peer-address";
import { installRequestGuards } from "./request-guards";

/** Writes `request` (and then whatever `more` writes), resolves with all the server sent until it closed. */
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
    socket.on("close", () => resolve(answer));
    // The server may close the connection under a body it did not read.
    socket.on("error", (err: NodeJS.ErrnoException) =>
      answer ? resolve(answer) : err.code === "ECONNRESET" ? resolve(answer) : reject(err),
    );
    socket.write(request);
    more?.(socket);
  });
}

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
      req.on("end", () => {
        seen.push({ peer: req.headers[PEER_ADDRESS_HEADER] as string | undefined, bodyBytes });
        res.end(`handled ${bodyBytes}`);
      });
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
});
