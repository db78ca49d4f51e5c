import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMembers, upsertMembership } from "@/db/queries/tenants";
import { insertUser } from "@/db/queries/users";
import { testEngines, type TestDatabase } from "@/db/testing";
import { ApiError } from "@/lib/api/errors";
import { createTenant } from "@/lib/vault/testing";
import { LAST_OWNER_MESSAGE } from "./member-rules";
import { addOrUpdateMember, removeMember } from "./members";

describe.each(testEngines())("tenant members on $name", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database.close();
  });

  async function newUser() {
    const email = `u-${Math.random().toString(36).slice(2)}@example.com`;
    const user = await insertUser(database.db, { email, name: null, passwordHash: "x" });
    return { id: user!.id, email };
  }

  /** A tenant whose creator and one more user are owners. */
  async function twoOwners() {
    const { tenantId, userId } = await createTenant(database.db);
    const second = await newUser();
    await upsertMembership(database.db, { tenantId, userId: second.id, role: "owner" });
    const [first] = (await listMembers(database.db, tenantId)).filter((m) => m.userId === userId);
    return { tenantId, a: { id: userId, email: first!.email }, b: second };
  }

  async function owners(tenantId: string) {
    return (await listMembers(database.db, tenantId)).filter((m) => m.role === "owner");
  }

  const conflict = (message: string) =>
    expect.objectContaining({ code: "conflict", message }) as unknown;

  it("adds a user by email and changes their role; unknown emails and one's own role are refused", async () => {
    const { tenantId, userId } = await createTenant(database.db);
    const user = await newUser();
    const added = await addOrUpdateMember(database.db, {
      tenantId,
      actorId: userId,
      email: user.email,
      role: "member",
    });
    expect(added).toMatchObject({ userId: user.id, email: user.email, role: "member" });
    const promoted = await addOrUpdateMember(database.db, {
      tenantId,
      actorId: userId,
      email: user.email,
      role: "admin",
    });
    expect(promoted.role).toBe("admin");
    await expect(
      addOrUpdateMember(database.db, {
        tenantId,
        actorId: userId,
        email: "nobody@example.com",
        role: "member",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      addOrUpdateMember(database.db, {
        tenantId,
        actorId: user.id,
        email: user.email,
        role: "owner",
      }),
    ).rejects.toEqual(conflict("You cannot change your own role"));
  });

  it("keeps the last owner: neither removed nor demoted, while other members can leave", async () => {
    const { tenantId, a, b } = await twoOwners();
    const member = await newUser();
    await upsertMembership(database.db, { tenantId, userId: member.id, role: "member" });

    await removeMember(database.db, tenantId, member.id);
    await addOrUpdateMember(database.db, {
      tenantId,
      actorId: a.id,
      email: b.email,
      role: "admin",
    });
    await expect(removeMember(database.db, tenantId, a.id)).rejects.toEqual(
      conflict(LAST_OWNER_MESSAGE),
    );
    await expect(
      addOrUpdateMember(database.db, { tenantId, actorId: b.id, email: a.email, role: "member" }),
    ).rejects.toEqual(conflict(LAST_OWNER_MESSAGE));
    expect((await owners(tenantId)).map((o) => o.userId)).toEqual([a.id]);
    await expect(removeMember(database.db, tenantId, member.id)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it.runIf(engine.name === "postgres")(
    "two owners demoting each other at once: one wins, the other gets 409, one owner remains",
    async () => {
      const { tenantId, a, b } = await twoOwners();
      // A second connection holds the owner rows so that both demotions are in flight together.
      const other = postgres(database.url!, { max: 2, onnotice: () => {} });
      try {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let held!: () => void;
        const holding = new Promise<void>((resolve) => (held = resolve));
        const holder = other.begin(async (tx) => {
          await tx`select 1 from memberships where tenant_id = ${tenantId} and role = 'owner' for update`;
          held();
          await gate;
        });
        await holding;

        const demotions = Promise.allSettled([
          addOrUpdateMember(database.db, {
            tenantId,
            actorId: a.id,
            email: b.email,
            role: "admin",
          }),
          addOrUpdateMember(database.db, {
            tenantId,
            actorId: b.id,
            email: a.email,
            role: "admin",
          }),
        ]);
        await expect
          .poll(async () => {
            const [row] = await other<{ waiting: number }[]>`
              select count(*)::int as waiting from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`;
            return row!.waiting;
          })
          .toBe(2);
        release();
        await holder;

        const results = await demotions;
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const refused = results.find((r) => r.status === "rejected");
        expect(refused?.reason).toBeInstanceOf(ApiError);
        expect(refused?.reason).toEqual(conflict(LAST_OWNER_MESSAGE));
        expect(await owners(tenantId)).toHaveLength(1);
      } finally {
        await other.end({ timeout: 5 });
      }
    },
  );
});
