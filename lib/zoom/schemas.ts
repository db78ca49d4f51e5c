import { z } from "zod";

/** @link https://developers.zoom.us/docs/integrations/oauth/ (token response) */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  scope: z.string().default(""),
  api_url: z.string().optional(),
});

/** @link https://developers.zoom.us/docs/api/users/#tag/users/GET/users/{userId} (the `me` form) */
export const zoomUserSchema = z.object({
  id: z.string().min(1),
  account_id: z.string().default(""),
  email: z.string(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  display_name: z.string().optional(),
  pic_url: z.string().optional(),
});
export type ZoomUser = z.infer<typeof zoomUserSchema>;

/** @link https://developers.zoom.us/docs/api/users/#tag/users/GET/users/{userId}/token */
export const userTokenSchema = z.object({ token: z.string().min(1) });

/** @link https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/meetings/{meetingId}/jointoken/local_recording */
export const joinTokenSchema = z.object({
  token: z.string().min(1),
  expire_in: z.number().int().positive().default(120),
});

/** OAuth errors: `{"reason":"Invalid Token!","error":"invalid_grant"}`; API errors: `{"code":124,"message":...}`. */
export const zoomErrorSchema = z
  .object({ reason: z.string(), error: z.string(), code: z.number(), message: z.string() })
  .partial();
