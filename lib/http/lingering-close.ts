import type { Duplex } from "node:stream";

/** How long a connection whose upload was left unread stays open after the answer. */
export const LINGER_MS = 2_000;

/**
 * Closes a connection whose upload is left unread without losing the answer written on it.
 * Closing a socket with unread bytes makes the kernel reset the connection, and the reset can reach
 * the client before it has read the answer (it then sees EPIPE or ECONNRESET instead). So reading
 * stops, the write side ends after the answer (the client reads it, then end of stream), and the
 * socket is destroyed LINGER_MS later. Meanwhile the unread bytes wait in the kernel's buffers, not
 * in the process.
 */
export function closeLingering(socket: Duplex): void {
  socket.pause();
  socket.end();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS).unref();
  socket.once("close", () => clearTimeout(timer));
}
