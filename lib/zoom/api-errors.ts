import { ApiError } from "@/lib/api/errors";
import {
  ZoomInvalidAccessTokenError,
  ZoomInvalidGrantError,
  ZoomRequestError,
  ZoomUnavailableError,
} from "./errors";

/** Maps a Zoom failure to the dashboard API's error contract; anything else is rethrown as is. */
export function zoomFailureToApiError(err: unknown): unknown {
  if (err instanceof ZoomUnavailableError) {
    return new ApiError(
      "zoom_unavailable",
      "Zoom is not answering right now; nothing was changed. Try again shortly.",
      {
        "retry-after": String(err.retryAfterSeconds),
      },
    );
  }
  if (
    err instanceof ZoomRequestError ||
    err instanceof ZoomInvalidGrantError ||
    err instanceof ZoomInvalidAccessTokenError
  ) {
    return new ApiError("zoom_error", `Zoom refused the request: ${err.message}`);
  }
  return err;
}
