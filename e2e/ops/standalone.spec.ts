import path from "node:path";
import { expect, test } from "@playwright/test";
import { connectZoom, createTenant, createZakUrl, signedInUser, uniqueEmail } from "../support/api";
import { freePort, spawnApp } from "../support/spawn-app";

// The container image runs Next's standalone server (`node server.js`) with the static assets, public/
// and the migrations copied beside it. scripts/test.sh assembles the same folder and names it here.
const standaloneDir = process.env.E2E_STANDALONE_DIR;

test.describe("the standalone server, as the container image runs it", () => {
  test.skip(!standaloneDir, "needs a standalone build (scripts/test.sh makes one)");
  test.setTimeout(120_000);

  test("serves the dashboard and its assets, and completes the bot flow (demo mode, embedded database)", async () => {
    const port = await freePort();
    const dir = path.resolve(standaloneDir!);
    const app = await spawnApp(
      ["node", path.join(dir, "server.js")],
      {
        APP_URL: `http://127.0.0.1:${port}`,
        PGLITE_DIR: path.resolve(`.data/e2e-standalone-${port}/pglite`),
      },
      port,
      dir,
    );
    try {
      await expect.poll(async () => (await fetch(`${app.url}/api/health`)).status).toBe(200);
      const home = await (await fetch(`${app.url}/`)).text();
      const asset = /\/_next\/static\/[^"]+\.(?:js|css)/.exec(home)?.[0];
      expect(asset).toBeTruthy();
      expect((await fetch(`${app.url}${asset}`)).status).toBe(200);
      expect((await fetch(`${app.url}/logo.svg`)).status).toBe(200);

      const owner = await signedInUser(app.url);
      const slug = await createTenant(owner);
      const landed = await connectZoom(owner, slug, {
        email: uniqueEmail("standalone"),
        displayName: "Standalone Host",
      });
      expect(landed.searchParams.get("zoom")).toBe("connected");
      const { zakUrl } = await createZakUrl(owner, slug);
      const zak = await fetch(zakUrl);
      expect([zak.status, (await zak.text()).split(".").length]).toEqual([200, 3]);
    } finally {
      await app.stop();
    }
  });
});
