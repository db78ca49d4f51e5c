import { describe, expect, it } from "vitest";
import { addressGroup, clientAddress, normalizeAddress, PEER_ADDRESS_HEADER } from "./peer-address";

const headers = (peer: string, forwarded?: string) =>
  new Headers({
    [PEER_ADDRESS_HEADER]: peer,
    ...(forwarded ? { "x-forwarded-for": forwarded } : {}),
  });

describe("clientAddress", () => {
  it("is the socket's peer without trusted proxies, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers("198.51.100.7", "203.0.113.1"), 0)).toBe("198.51.100.7");
    expect(clientAddress(headers("::ffff:198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.1" }), 0)).toBeNull();
  });

  it("is the hops-th X-Forwarded-For entry from the right behind trusted proxies", () => {
    const chain = headers("10.0.0.2", "203.0.113.1, 198.51.100.7, 10.0.0.1");
    expect(clientAddress(chain, 1)).toBe("10.0.0.1");
    expect(clientAddress(chain, 2)).toBe("198.51.100.7");
    // Fewer entries than proxies: the leftmost, the furthest any proxy vouches for.
    expect(clientAddress(chain, 5)).toBe("203.0.113.1");
    expect(clientAddress(headers("10.0.0.2", "not-an-ip"), 1)).toBeNull();
  });
});

describe("normalizeAddress", () => {
  it("strips ports, brackets and the IPv4-mapped prefix, and refuses what is not an address", () => {
    expect(normalizeAddress("198.51.100.7:4431")).toBe("198.51.100.7");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress(" ::FFFF:192.0.2.1 ")).toBe("192.0.2.1");
    expect(normalizeAddress("unknown")).toBeNull();
    expect(normalizeAddress(undefined)).toBeNull();
  });
});

describe("addressGroup", () => {
  it("keeps an IPv4 address and groups IPv6 addresses by /64", () => {
    expect(addressGroup("198.51.100.7")).toBe("198.51.100.7");
    expect(addressGroup("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressGroup("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressGroup("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressGroup("::1")).toBe("0:0:0:0::/64");
    expect(addressGroup("2001:db8:1:3::1")).not.toBe(addressGroup("2001:db8:1:2::1"));
  });
});
