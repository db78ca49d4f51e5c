import { openApiDocument } from "@/lib/api/v1/document";
import { getConfig } from "@/lib/config";

// GET /api/v1/openapi.json – the API's OpenAPI 3.1 document (public: it describes, it grants nothing)
export function GET() {
  return Response.json(openApiDocument(getConfig().appUrl));
}
