import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseMethodsNextCannotHandle } from "./unparsable-methods";

function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
    socket.write(request);
  });
}

describe("refuseMethodsNextCannotHandle", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    refuseMethodsNextCannotHandle();
    server = http.createServer((_req, res) => res.end("handled"));
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

  it("leaves other requests to the server's own handler", async () => {
    const answer = await rawExchange(
      port,
      "GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 [\s\S]*handled$/);
  });
});
