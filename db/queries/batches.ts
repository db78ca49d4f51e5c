/** Rows one pruning statement deletes at most, so none holds its locks for long. */
export const DELETE_BATCH_SIZE = 5000;

/**
 * Runs `deleteBatch` (one statement deleting at most `batchSize` rows, answering how many it did)
 * until a batch comes back short or `until` (epoch ms) has passed; the total deleted. A run that
 * stops on time leaves the rest for the next one.
 */
export async function deleteInBatches(
  deleteBatch: (batchSize: number) => Promise<number>,
  batchSize: number,
  until: number,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const gone = await deleteBatch(batchSize);
    deleted += gone;
    if (gone < batchSize || Date.now() >= until) return deleted;
  }
}
