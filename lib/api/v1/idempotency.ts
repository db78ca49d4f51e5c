import { z } from "zod";
import type { Db } from "@/db/client";
import {
  claimIdempotencyKey,
  completeIdempotentRequest,
  findIdempotentRequest,
  releaseIdempotencyClaim,
} from "@/db/queries/idempotent-requests";
import { sealedContext } from "@/db/sealed-columns";
import { decrypt, encrypt } from "@/lib/crypto/aead";
import { sha256Hex } from "@/lib/crypto/digest";
import type { Keyring } from "@/lib/crypto/keyring";
import { ApiError } from "../errors";

/** How long a stored answer is replayed (and its key refused for another request). */
const RETENTION_MS = 24 * 60 * 60 * 1000;

/** The `Idempotency-Key` header: 1–255 visible ASCII characters (a UUID is typical). */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, "must be 1-255 visible ASCII characters")
  .meta({
    description:
      "Makes the POST safe to retry for 24 h: a retry with the same key and body gets the first answer; the same key with another body is refused (422)",
  });

export interface Answer {
  status: number;
  body: unknown;
}

/**
 * Runs `run` once per `(apiKeyId, idempotencyKey)`: the first request claims the key, runs and stores
 * its success answer sealed (AES-256-GCM bound to the row: answers may carry a secret shown once); a
 * retry with the same request gets that answer back (`replayed`); the key with another request is 422;
 * a duplicate while the first still runs is 409 with Retry-After. A failed request frees the key, so
 * the client may retry it.
 */
export async function runIdempotently(
  db: Db,
  keyring: Keyring,
  request: { apiKeyId: string; idempotencyKey: string; method: string; path: string; body: string },
  run: () => Promise<Answer>,
): Promise<Answer & { replayed: boolean }> {
  const { apiKeyId, idempotencyKey } = request;
  const fingerprint = sha256Hex(`${request.method} ${request.path}\n${request.body}`);
  const expiresAt = new Date(Date.now() + RETENTION_MS);
  const id = await claimIdempotencyKey(db, { apiKeyId, idempotencyKey, fingerprint, expiresAt });
  if (id === null) return replay(db, keyring, apiKeyId, idempotencyKey, fingerprint);
  let answer: Answer;
  try {
    answer = await run();
  } catch (err) {
    await releaseIdempotencyClaim(db, id);
    throw err;
  }
  if (answer.status >= 300) {
    await releaseIdempotencyClaim(db, id);
  } else {
    const responseEnc = encrypt(keyring, JSON.stringify(answer.body), responseContext(id));
    await completeIdempotentRequest(db, id, { status: answer.status, responseEnc });
  }
  return { ...answer, replayed: false };
}

async function replay(
  db: Db,
  keyring: Keyring,
  apiKeyId: string,
  idempotencyKey: string,
  fingerprint: string,
): Promise<Answer & { replayed: boolean }> {
  const row = await findIdempotentRequest(db, apiKeyId, idempotencyKey);
  if (row && row.fingerprint !== fingerprint) {
    throw new ApiError(
      "unprocessable",
      "This Idempotency-Key was used with a different request; use a new key",
    );
  }
  if (!row || row.status === null || row.responseEnc === null) {
    // In progress, or it failed and freed the key between our claim and this read.
    throw new ApiError(
      "conflict",
      "A request with this Idempotency-Key is in progress; retry shortly",
      1,
    );
  }
  const body: unknown = JSON.parse(decrypt(keyring, row.responseEnc, responseContext(row.id)));
  return { status: row.status, body, replayed: true };
}

const responseContext = (id: string) => sealedContext("idempotent_requests", id, "response");
