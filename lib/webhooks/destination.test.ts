import { describe, expect, it } from "vitest";
import { BlockedDestinationError, checkDestination, isPublicAddress } from "./destination";

const STRICT = { allowPrivateUrls: false };

/** A resolver that answers from a table, as DNS would. */
const dns = (table: Record<string, string[]>) => (host: string) => {
  const addresses = table[host];
  if (!addresses) return Promise.reject(new Error("ENOTFOUND"));
  return Promise.resolve(
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
  );
};

describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:a9fe:a9fe",
    "64:ff9b::a00:1",
    "not-an-ip",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "192.169.0.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
  ])("accepts %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe("checkDestination", () => {
  const check = (url: string, table: Record<string, string[]> = {}, policy = STRICT) =>
    checkDestination(new URL(url), policy, dns(table));

  it("accepts https to a name that resolves to public addresses only", async () => {
    await expect(
      check("https://hooks.example.com/in", {
        "hooks.example.com": ["93.184.216.34", "2606:2800::1"],
      }),
    ).resolves.toBeUndefined();
  });

  it("refuses http, and credentials in the URL", async () => {
    await expect(
      check("http://hooks.example.com/", { "hooks.example.com": ["8.8.8.8"] }),
    ).rejects.toThrow("must use https");
    await expect(
      check("https://u:p@hooks.example.com/", { "hooks.example.com": ["8.8.8.8"] }),
    ).rejects.toThrow("user name or password");
  });

  it("refuses IP literals in private, loopback and link-local ranges (IPv4 and IPv6)", async () => {
    for (const url of [
      "https://127.0.0.1/",
      "https://10.0.0.5:8443/x",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/",
      "https://[fd00::5]/",
      "https://[fe80::1]/",
      "https://[::ffff:192.168.0.1]/",
    ])
      await expect(check(url), url).rejects.toBeInstanceOf(BlockedDestinationError);
  });

  it("refuses a DNS name that resolves to a private address, even among public ones", async () => {
    await expect(
      check("https://internal.example.com/", { "internal.example.com": ["10.0.0.8"] }),
    ).rejects.toThrow("private, loopback or link-local");
    await expect(
      check("https://mixed.example.com/", { "mixed.example.com": ["8.8.8.8", "::1"] }),
    ).rejects.toThrow("private, loopback or link-local");
    await expect(check("https://localhost/", { localhost: ["127.0.0.1", "::1"] })).rejects.toThrow(
      "private, loopback or link-local",
    );
  });

  it("refuses a name that does not resolve", async () => {
    await expect(check("https://nowhere.invalid/")).rejects.toThrow("does not resolve");
  });

  it("allows http and private addresses when private URLs are allowed (development)", async () => {
    await expect(
      check("http://127.0.0.1:4000/hook", {}, { allowPrivateUrls: true }),
    ).resolves.toBeUndefined();
  });
});
