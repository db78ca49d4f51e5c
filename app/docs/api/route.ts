import { ApiReference } from "@scalar/nextjs-api-reference";

// GET /docs/api – the interactive API reference (Scalar) for /api/v1/openapi.json. A route handler,
// not a page: it answers its own HTML, which loads Scalar's script from its CDN.
export const GET = ApiReference({ url: "/api/v1/openapi.json", pageTitle: "ZAK Broker API" });
