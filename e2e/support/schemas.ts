// The parts of the app's and the emulator's JSON answers the end-to-end tests read. Loose objects:
// fields a test does not read pass through untouched, so toMatchObject still sees the whole body.
import { z } from "zod";

/** Anything with a JSON body: a fetch Response or a Playwright APIResponse. */
interface HasJson {
  json(): Promise<unknown>;
}

export const readJson = (res: HasJson): Promise<unknown> => res.json();

export async function parseJson<T>(res: HasJson, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(await res.json());
}

export const errorBody = z.looseObject({
  error: z.looseObject({ code: z.string(), message: z.string() }),
});

export const tenantBody = z.looseObject({ slug: z.string(), name: z.string(), role: z.string() });

export const tenantList = z.looseObject({ tenants: z.array(z.looseObject({ slug: z.string() })) });

export const zoomStatus = z.looseObject({
  status: z.string(),
  user: z.looseObject({ zoomUserId: z.string(), picUrl: z.string().nullable() }).nullable(),
  disconnectedReason: z.string().nullish(),
  reauthReason: z.string().nullish(),
  zoomRateLimit: z.number().int().nullable(),
});

export const activityBody = z.looseObject({
  requests: z.array(z.looseObject({ status: z.number(), pacedMs: z.number().int().min(0) })),
});

export const tokenTestBody = z.looseObject({ expiresAt: z.string().nullable() });

export const createdSecret = z.looseObject({
  id: z.string(),
  zakUrl: z.string(),
  urls: z.record(z.string(), z.string()),
  attendeeUrl: z.string().nullable(),
});

export const csrfBody = z.looseObject({ csrfToken: z.string() });

export const emulatorStats = z.looseObject({
  grants: z.object({ authorization_code: z.number(), refresh_token: z.number() }),
  endpoints: z.record(z.string(), z.number()),
  invalidGrant: z.number(),
  rateLimited: z.object({ QPS: z.number(), "Daily-limit": z.number() }),
});

export const emulatorUsers = z.looseObject({
  users: z.array(z.looseObject({ id: z.string(), email: z.string(), account_id: z.string() })),
});

export const createdConnectLink = z.looseObject({
  id: z.string(),
  url: z.string(),
  expiresAt: z.string(),
  returnUrl: z.string().nullable(),
});

export const connectLinkList = z.looseObject({
  links: z.array(z.looseObject({ id: z.string() })),
  returnUrls: z.array(z.string()),
});
