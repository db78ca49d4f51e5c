// The `test` every spec uses: the target (a per-project option, see playwright.config.ts) and the
// set-ups specs share: signed-in users, their tenants, a tenant connected to Zoom, the emulator.
import { test as base, expect } from "@playwright/test";
import {
  connectZoom,
  createTenant,
  emulatorOf,
  signedInUser,
  uniqueEmail,
  type EmulatorControls,
  type SignedIn,
} from "./api";
import { pglite, type Target } from "./targets";

export { expect };

export interface TargetOption {
  target: Target;
}

export interface ZoomUser {
  email: string;
  displayName: string;
}

export interface ConnectedTenant {
  owner: SignedIn;
  slug: string;
  /** The emulator's user the tenant is connected to. */
  zoomUser: ZoomUser & { id: string };
}

interface Fixtures {
  /** The target's (first) app process. */
  appUrl: string;
  /** The emulator's test controls; faults are cleared after the test. */
  emulator: EmulatorControls;
  /** Signs up and signs in a new user over HTTP; the contexts are disposed after the test. */
  signUp: (email?: string) => Promise<SignedIn>;
  /** A signed-in user. */
  owner: SignedIn;
  /** The slug of a new tenant `owner` created, not connected to Zoom. */
  ownerTenant: string;
  /** A new tenant of `owner` (default: a new user) connected over HTTP to a new Zoom user. */
  connectTenant: (owner?: SignedIn, zoomUser?: ZoomUser) => Promise<ConnectedTenant>;
  /** A tenant of `owner` connected to a new Zoom user. */
  connectedTenant: ConnectedTenant;
}

export const test = base.extend<Fixtures, TargetOption>({
  target: [pglite, { option: true, scope: "worker" }],
  appUrl: async ({ target }, provide) => provide(target.appUrls[0]),
  baseURL: async ({ appUrl }, provide) => provide(appUrl),
  emulator: async ({ target }, provide) => {
    if (!target.hasEmulatorControls) throw new Error(`${target.name} has no emulator controls`);
    const emulator = emulatorOf(target);
    await provide(emulator);
    await emulator.clearFaults();
  },
  signUp: async ({ appUrl }, provide) => {
    const users: SignedIn[] = [];
    await provide(async (email) => {
      const user = await signedInUser(appUrl, email);
      users.push(user);
      return user;
    });
    await Promise.all(users.map((user) => user.http.dispose()));
  },
  owner: async ({ signUp }, provide) => provide(await signUp()),
  ownerTenant: async ({ owner }, provide) => provide(await createTenant(owner)),
  connectTenant: async ({ signUp, emulator }, provide) => {
    await provide(
      async (owner, zoomUser = { email: uniqueEmail("zoom"), displayName: "Bot Host" }) => {
        const user = owner ?? (await signUp());
        const slug = await createTenant(user);
        const landed = await connectZoom(user, slug, zoomUser);
        expect(landed.searchParams.get("zoom")).toBe("connected");
        const known = (await emulator.users()).find((u) => u.email === zoomUser.email);
        expect(known, "the emulator knows the connected user").toBeDefined();
        return { owner: user, slug, zoomUser: { ...zoomUser, id: known!.id } };
      },
    );
  },
  connectedTenant: async ({ owner, connectTenant }, provide) => provide(await connectTenant(owner)),
});
