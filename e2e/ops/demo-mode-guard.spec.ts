import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { freePort, NEXT_START } from "../support/spawn-app";

// A forgotten Zoom variable in production must not start the emulated Zoom on a real database.
test("next start – with DATABASE_URL and neither Zoom credentials nor DEMO_MODE=1, exits non-zero and says why", async () => {
  const port = await freePort();
  const [bin, ...args] = NEXT_START.map((part) => part.replace("{port}", String(port)));
  const child = spawn(bin!, args, {
    env: {
      ...process.env,
      NODE_ENV: "production",
      // Never reached: the configuration is refused before the database is opened.
      DATABASE_URL: "postgres://broker@127.0.0.1:9/broker",
      AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
      TOKEN_ENCRYPTION_KEYS: `e2e1:${Buffer.alloc(32, 1).toString("base64")}`,
      APP_URL: `http://127.0.0.1:${port}`,
      ZOOM_CLIENT_ID: "",
      DEMO_MODE: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code).not.toBe(0);
  expect(output).toContain("ZOOM_CLIENT_ID is required when DATABASE_URL is set");
  expect(output).toContain("DEMO_MODE=1");
});
