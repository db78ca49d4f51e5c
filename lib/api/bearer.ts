import { safeEqual } from "@/lib/crypto/digest";

/** The credential of an `Authorization: Bearer …` header, or null. */
export function bearerToken(authorization: string | null): string | null {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1] ?? null;
}

/**
 * An operator endpoint (metrics, cron) guarded by a configured secret: off without it, then open only
 * to the exact `Authorization: Bearer <secret>`, compared in constant time.
 */
export function bearerAccess(
  secret: string | null,
  authorization: string | null,
): "disabled" | "denied" | "granted" {
  if (!secret) return "disabled";
  const presented = bearerToken(authorization);
  return presented !== null && safeEqual(presented, secret) ? "granted" : "denied";
}

/** 404 while the endpoint is off (it does not exist), 401 without the secret; null to go on. */
export function refuseWithoutBearer(
  secret: string | null,
  req: Request,
  realm: string,
): Response | null {
  const access = bearerAccess(secret, req.headers.get("authorization"));
  if (access === "granted") return null;
  if (access === "disabled")
    return Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
  return Response.json(
    { error: { code: "unauthorized", message: `A valid ${realm} bearer token is required` } },
    { status: 401, headers: { "www-authenticate": `Bearer realm="${realm}"` } },
  );
}
