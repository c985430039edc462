/**
 * Runs work for one key one at a time within this function instance. Optimistic transactions
 * on one hot document (a resident's balance tapped a thousand times) would otherwise collide
 * with each other until their retries ran out; queued, each reads the committed result of the
 * one before. Across instances the transactions' conflict checks still keep things correct.
 */
const tails = new Map<string, Promise<unknown>>();

export async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    // The last one out removes the key so the map does not grow with every resident.
    if (tails.get(key) === tail) tails.delete(key);
  }
}
