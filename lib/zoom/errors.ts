/** Zoom could not be reached or asked us to slow down: transient, never a reason to drop a grant. */
export class ZoomUnavailableError extends Error {
  constructor(
    readonly reason: "timeout" | "network" | "server_error" | "rate_limited",
    readonly retryAfterSeconds: number,
  ) {
    super(`Zoom unavailable (${reason})`);
    this.name = "ZoomUnavailableError";
  }
}

/** The refresh token or authorization code is dead (rotated away, revoked, expired): terminal. */
export class ZoomInvalidGrantError extends Error {
  constructor(readonly zoomReason: string) {
    super(`Zoom refused the grant: ${zoomReason}`);
    this.name = "ZoomInvalidGrantError";
  }
}

/** Zoom refused an access token (401, code 124) even though it may not have expired yet. */
export class ZoomInvalidAccessTokenError extends Error {
  constructor() {
    super("Zoom refused the access token");
    this.name = "ZoomInvalidAccessTokenError";
  }
}

/** Any other refusal (missing scope, bad request, unknown user): Zoom answered, but not with a token. */
export class ZoomRequestError extends Error {
  constructor(
    readonly status: number,
    readonly zoomMessage: string,
    /** Zoom's own error code (4700 missing scope, 3001 no such meeting…), when it sent one. */
    readonly zoomCode?: number,
  ) {
    super(`Zoom answered ${status}: ${zoomMessage}`);
    this.name = "ZoomRequestError";
  }
}

/** Zoom answered 404: the meeting (or user) does not exist for this user, e.g. code 3001. */
export class ZoomNotFoundError extends ZoomRequestError {
  constructor(zoomMessage: string, zoomCode?: number) {
    super(404, zoomMessage, zoomCode);
    this.name = "ZoomNotFoundError";
  }
}
