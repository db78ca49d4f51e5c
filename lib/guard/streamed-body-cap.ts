import type { IncomingMessage, ServerResponse } from "node:http";
import { closeLingering } from "@/lib/http/lingering-close";
import { MAX_BODY_BYTES } from "./hostile-request";

/**
 * Reads a body sent without a declared length (chunked) no further than MAX_BODY_BYTES, at the HTTP
 * server. Next reads a body to its end before the proxy's answer or the route goes on, so a 100 MB
 * upload would otherwise stream through the process whole. Past the cap, the body is ended after
 * the chunk that crossed it: what Next buffers for the route is then larger than any route accepts
 * (each answers 413), nothing more is read from the connection, and the connection closes after the
 * answer (closeLingering) instead of being drained. (A declared length past the cap never gets
 * here: it is refused before anything reads the body.)
 */
export function capStreamedBody(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers["transfer-encoding"] === undefined) return;
  // Node's parser hands every piece of the body to `push`; returning false makes it stop reading.
  const push = req.push.bind(req);
  let received = 0;
  let capped = false;
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (capped) return false;
    if (chunk === null) return push(null);
    received += chunk.length;
    if (received <= MAX_BODY_BYTES) return push(chunk, encoding);
    capped = true;
    // The answer says Connection: close. Node ends such a connection with destroySoon, which
    // would reset it under the unread upload: it lingers instead.
    res.shouldKeepAlive = false;
    const { socket } = req;
    socket.destroySoon = () => closeLingering(socket);
    push(chunk, encoding);
    // Complete as handed on: ending an incomplete message would destroy the socket at once.
    req.complete = true;
    push(null);
    return false;
  };
}
