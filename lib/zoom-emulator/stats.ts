import {
  ENDPOINTS,
  type Endpoint,
  type EmulatorStats,
  type GrantType,
  type RateLimitType,
} from "./types";

/** Counters so tests can assert exactly how many grants/requests happened. */
export class Stats {
  private data: EmulatorStats = Stats.empty();

  private static empty(): EmulatorStats {
    const endpoints = Object.fromEntries(ENDPOINTS.map((e) => [e, 0])) as Record<Endpoint, number>;
    return {
      grants: { authorization_code: 0, refresh_token: 0 },
      endpoints,
      invalidGrant: 0,
      rateLimited: { QPS: 0, "Daily-limit": 0 },
    };
  }

  request(endpoint: Endpoint): void {
    this.data.endpoints[endpoint] += 1;
  }

  grant(type: GrantType): void {
    this.data.grants[type] += 1;
  }

  rateLimited(type: RateLimitType): void {
    this.data.rateLimited[type] += 1;
  }

  invalidGrant(): void {
    this.data.invalidGrant += 1;
  }

  snapshot(): EmulatorStats {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = Stats.empty();
  }
}
