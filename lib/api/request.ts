import type { z } from "zod";
import { ApiError } from "./errors";

const MAX_JSON_BYTES = 16 * 1024;

/** Reads and validates a JSON body; every failure is a 4xx that says what is wrong. */
export async function readJson<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  return schema.parse(parseJsonBody(await readJsonText(req)));
}

/** A JSON body's value; an empty body is `{}`. */
export function parseJsonBody(text: string): unknown {
  return text === "" ? {} : parseJsonText(text);
}

/** The raw text of a JSON body (415 for another type, 413 past 16 KiB), unparsed. */
export async function readJsonText(req: Request): Promise<string> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new ApiError("unsupported_media_type", "Content-Type must be application/json");
  }
  return readText(req, MAX_JSON_BYTES);
}

/**
 * The raw body, refused with 413 past `maxBytes`: counted while it streams in, so an oversized body
 * is never held in memory whole, whatever its Content-Length says.
 */
export async function readText(req: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new ApiError("payload_too_large", "Body is too large");
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** JSON.parse with the API's 400 for text that is not JSON. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "Body is not valid JSON");
  }
}
