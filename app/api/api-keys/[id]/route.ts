import { z } from "zod";
import { getDb } from "@/db";
import { revokeApiKey } from "@/db/queries/api-keys";
import { ApiError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { requireSessionUser } from "@/lib/auth/session";

// DELETE /api/api-keys/:id – revoke one of the user's keys; requests with it get 401 from now on
export const DELETE = route<{ id: string }>(async (_req, params) => {
  const user = await requireSessionUser();
  const id = z.uuid().safeParse(params.id);
  if (!id.success || !(await revokeApiKey(await getDb(), user.id, id.data))) {
    throw new ApiError("not_found", "No live API key with this id");
  }
  return Response.json({ id: id.data });
});
