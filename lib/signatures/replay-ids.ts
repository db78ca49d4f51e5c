import { deleteExpiredSignedRequestIds } from "@/db/queries/bot-platform-secrets";
import type { Vault } from "@/lib/vault/types";

/** Forgets the message ids of signed requests whose signature window has passed. */
export function pruneSignedRequestIds(vault: Pick<Vault, "db">, now = Date.now()) {
  return deleteExpiredSignedRequestIds(vault.db, new Date(now));
}
