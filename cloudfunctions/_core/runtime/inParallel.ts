/**
 * Runs `work` over the items, `width` at a time. After a failure no lane takes another item, and
 * the failure is thrown only once every lane has stopped: a failed slice of a job leaves nothing
 * running behind it (its next run would race it). Used by the jobs that send one message per
 * person (roll-calls, committee notices).
 */
export async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: Math.min(width, items.length) }, lane));
  const failure = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
  if (failure) throw failure.reason;
}
