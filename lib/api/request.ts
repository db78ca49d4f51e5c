import type { z } from "zod";
import { ApiError } from "./errors";

const MAX_JSON_BYTES = 16 * 1024;

/** Reads and validates a JSON body; every failure is a 4xx that says what is wrong. */
export async function readJson<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new ApiError("unsupported_media_type", "Content-Type must be application/json");
  }
  const text = await readText(req, MAX_JSON_BYTES);
  return schema.parse(text === "" ? {} : parseJsonText(text));
}

/** The raw body, refused with 413 past `maxBytes`. */
export async function readText(req: Request, maxBytes: number): Promise<string> {
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes)
    throw new ApiError("payload_too_large", "Body is too large");
  return text;
}

/** JSON.parse with the API's 400 for text that is not JSON. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "Body is not valid JSON");
  }
}
