import { methodNotAllowed, type Refusal } from "./hostile-request";

// Methods Next never gets to answer: the Fetch API refuses to build a Request for TRACE, which
// Node's parser lets through (Next throws before the proxy runs, a 500), and Node hands CONNECT to
// the server's "connect" listeners, dropping the connection when there is none.
const UNPARSABLE = new Set(["TRACE", "CONNECT"]);

/** 405 for TRACE and CONNECT, to be answered at the HTTP server. */
export function refuseUnparsableMethod(method: string | undefined): Refusal | null {
  return method && UNPARSABLE.has(method) ? methodNotAllowed(method) : null;
}
