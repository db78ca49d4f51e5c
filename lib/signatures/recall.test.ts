import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertBotPlatformSecret } from "@/db/queries/bot-platform-secrets";
import { botPlatformSecrets, signedRequestIds } from "@/db/schema";
import { testEngines, type TestDatabase } from "@/db/testing";
import { generateKeyringValue, parseKeyring } from "@/lib/crypto/keyring";
import { rotateSealedValues } from "@/lib/key-rotation";
import { createTenant } from "@/lib/vault/testing";
import { checkRecallSignature, verifyRecallSignature } from "./recall";
import { pruneSignedRequestIds } from "./replay-ids";
import { openSigningSecret, sealSigningSecret, signingKeyBytes } from "./secrets";

const newSecret = () => `whsec_${randomBytes(24).toString("base64")}`;
const now = () => new Date();

/** Headers the way Recall signs a GET (empty body), optionally with the older svix-* names. */
function signed(secret: string, opts: { id?: string; at?: Date; prefix?: string } = {}) {
  const id = opts.id ?? `msg_${randomBytes(8).toString("hex")}`;
  const at = opts.at ?? now();
  const prefix = opts.prefix ?? "webhook";
  return new Headers({
    [`${prefix}-id`]: id,
    [`${prefix}-timestamp`]: String(Math.floor(at.getTime() / 1000)),
    [`${prefix}-signature`]: new Webhook(secret).sign(id, at, ""),
  });
}

const message = (headers: Headers) => ({
  id: headers.get("webhook-id")!,
  timestamp: headers.get("webhook-timestamp")!,
  signature: headers.get("webhook-signature")!,
});

describe("verifyRecallSignature", () => {
  const secret = newSecret();
  const key = signingKeyBytes("recall", secret)!;

  it("accepts Recall's signature over id.timestamp. with an empty body, among several", () => {
    const headers = signed(secret);
    expect(verifyRecallSignature(message(headers), "", [key])).toBe(true);
    const several = {
      ...message(headers),
      signature: `v1,AAAA ${message(headers).signature} v2,x`,
    };
    expect(verifyRecallSignature(several, "", [key])).toBe(true);
  });

  it("refuses another secret, another body, stale and future timestamps, a malformed timestamp", () => {
    const other = signingKeyBytes("recall", newSecret())!;
    expect(verifyRecallSignature(message(signed(secret)), "", [other])).toBe(false);
    expect(verifyRecallSignature(message(signed(secret)), "x", [key])).toBe(false);
    const stale = signed(secret, { at: new Date(Date.now() - 6 * 60_000) });
    expect(verifyRecallSignature(message(stale), "", [key])).toBe(false);
    const future = signed(secret, { at: new Date(Date.now() + 6 * 60_000) });
    expect(verifyRecallSignature(message(future), "", [key])).toBe(false);
    const headers = message(signed(secret));
    expect(
      verifyRecallSignature({ ...headers, timestamp: `${headers.timestamp}x` }, "", [key]),
    ).toBe(false);
  });
});

describe.each(testEngines())("Recall signature check on $name", (engine) => {
  let database: TestDatabase;
  const keyring = parseKeyring(generateKeyringValue("s1"));
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database.close();
  });

  async function tenantWithSecrets(...secrets: string[]) {
    const tenant = await createTenant(database.db);
    for (const secret of secrets) {
      await insertBotPlatformSecret(
        database.db,
        {
          tenantId: tenant.tenantId,
          platform: "recall",
          label: "r",
          createdByUserId: tenant.userId,
        },
        (id) => sealSigningSecret(keyring, id, secret),
      );
    }
    return tenant;
  }
  const check = (tenantId: string, headers: Headers, requireRecallSignature = false) =>
    checkRecallSignature(
      { db: database.db, keyring },
      { tenantId, requireRecallSignature },
      headers,
    );

  it("accepts a signed request once: the same webhook-id again is a replay", async () => {
    const secret = newSecret();
    const { tenantId } = await tenantWithSecrets(secret);
    const headers = signed(secret);
    expect(await check(tenantId, headers)).toBe("accepted");
    expect(await check(tenantId, headers)).toBe("refused");
    expect(await check(tenantId, signed(secret))).toBe("accepted");
  });

  it("accepts either of two live secrets, and the older svix-* headers", async () => {
    const [first, second] = [newSecret(), newSecret()];
    const { tenantId } = await tenantWithSecrets(first, second);
    expect(await check(tenantId, signed(first))).toBe("accepted");
    expect(await check(tenantId, signed(second))).toBe("accepted");
    expect(await check(tenantId, signed(second, { prefix: "svix" }))).toBe("accepted");
  });

  it("refuses a wrong signature even when not required; unsigned passes unless required", async () => {
    const { tenantId } = await tenantWithSecrets(newSecret());
    expect(await check(tenantId, signed(newSecret()))).toBe("refused");
    expect(await check(tenantId, new Headers({ "webhook-id": "msg_1" }))).toBe("refused");
    expect(await check(tenantId, new Headers())).toBe("unsigned");
    expect(await check(tenantId, new Headers(), true)).toBe("refused");
  });

  it("has nothing to verify with for a tenant without Recall secrets", async () => {
    const { tenantId } = await tenantWithSecrets();
    expect(await check(tenantId, signed(newSecret()))).toBe("unsigned");
    expect(await check(tenantId, signed(newSecret()), true)).toBe("refused");
  });

  it("forgets replay ids once their window has passed", async () => {
    const secret = newSecret();
    const { tenantId } = await tenantWithSecrets(secret);
    const headers = signed(secret, { at: new Date(Date.now() - 60_000) });
    expect(await check(tenantId, headers)).toBe("accepted");
    const byTenant = eq(signedRequestIds.tenantId, tenantId);
    expect(await database.db.select().from(signedRequestIds).where(byTenant)).toHaveLength(1);
    await pruneSignedRequestIds({ db: database.db }, Date.now());
    expect(await database.db.select().from(signedRequestIds).where(byTenant)).toHaveLength(1);
    await pruneSignedRequestIds({ db: database.db }, Date.now() + 5 * 60_000);
    expect(await database.db.select().from(signedRequestIds).where(byTenant)).toHaveLength(0);
  });
  it("key rotation re-encrypts signing secrets with the new key; they still verify", async () => {
    const secret = newSecret();
    const { tenantId } = await tenantWithSecrets(secret);
    const b64 = (key: Buffer) => key.toString("base64");
    const newKey = parseKeyring(generateKeyringValue("s2")).primary.key;
    const rotated = parseKeyring(`s2:${b64(newKey)},s1:${b64(keyring.primary.key)}`);
    await rotateSealedValues(database.db, rotated);
    const [row] = await database.db
      .select()
      .from(botPlatformSecrets)
      .where(eq(botPlatformSecrets.tenantId, tenantId));
    expect(row!.secretEnc.startsWith("v1.s2.")).toBe(true);
    expect(openSigningSecret(parseKeyring(`s2:${b64(newKey)}`), row!)).toBe(secret);
    expect(
      await checkRecallSignature(
        { db: database.db, keyring: rotated },
        { tenantId, requireRecallSignature: true },
        signed(secret),
      ),
    ).toBe("accepted");
  });
});
