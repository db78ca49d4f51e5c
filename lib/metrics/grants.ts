import type { Db } from "@/db/client";
import { countGrantsByStatus } from "@/db/queries/grants";
import { grantStatusEnum } from "@/db/schema";
import { getMetrics } from "./registry";

/** Sets the grants gauge from one grouped count, so statuses with no grant read 0. */
export async function collectGrantStatuses(db: Db): Promise<void> {
  const gauge = getMetrics().grants;
  const counts = new Map((await countGrantsByStatus(db)).map((row) => [row.status, row.count]));
  for (const status of grantStatusEnum.enumValues) gauge.set({ status }, counts.get(status) ?? 0);
}
