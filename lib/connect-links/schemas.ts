import { z } from "zod";
import { LINK_TTL_DEFAULT_SECONDS, LINK_TTL_MAX_SECONDS, LINK_TTL_MIN_SECONDS } from "./expiry";
import {
  MAX_RETURN_URL_ENTRIES,
  MAX_RETURN_URL_LENGTH,
  normalizeReturnUrlEntry,
} from "./return-url";

/** The body of a connect-link creation, for the dashboard's route and the versioned API alike. */
export const createConnectLinkSchema = z.object({
  expiresInSeconds: z
    .number()
    .int()
    .min(LINK_TTL_MIN_SECONDS, `must be at least ${LINK_TTL_MIN_SECONDS} seconds`)
    .max(LINK_TTL_MAX_SECONDS, `must be at most ${LINK_TTL_MAX_SECONDS} seconds (30 days)`)
    .default(LINK_TTL_DEFAULT_SECONDS)
    .meta({ description: "How long the link stays open: 300 … 2,592,000 seconds (default 24 h)" }),
  returnUrl: z
    .string()
    .trim()
    .max(MAX_RETURN_URL_LENGTH, `must be at most ${MAX_RETURN_URL_LENGTH} characters`)
    .min(1)
    .optional()
    .meta({
      description:
        "Where the end user is sent afterwards (303, with status, error and connect_link_id appended); must match the tenant's return-URL allow-list",
    }),
});
export type CreateConnectLinkInput = z.infer<typeof createConnectLinkSchema>;

/** The tenant's return-URL allow-list, each entry stored normalized (origin + path prefix). */
export const returnUrlsSchema = z.object({
  returnUrls: z
    .array(
      z
        .string()
        .max(MAX_RETURN_URL_LENGTH)
        .transform((value, ctx) => {
          const result = normalizeReturnUrlEntry(value);
          if ("entry" in result) return result.entry;
          ctx.addIssue({ code: "custom", message: `${value.slice(0, 100)} ${result.error}` });
          return z.NEVER;
        }),
    )
    .max(MAX_RETURN_URL_ENTRIES, `must have at most ${MAX_RETURN_URL_ENTRIES} entries`)
    .transform((entries) => [...new Set(entries)]),
});
