/**
 * Shares one round trip among the concurrent calls of a warm instance that need the same thing
 * (the hot activity a crowd signs up for, the next places of its waitlist). At most one trip per
 * key is in flight; callers arriving meanwhile join the next one, which starts as soon as the
 * current one ends. So every caller's answer comes from a trip that started after it arrived —
 * never a read older than the call (a caller could otherwise miss a change that was acknowledged
 * before it even asked) — and a crowd costs a few trips instead of one each.
 */
interface Batch<In, Out> {
  inputs: In[];
  waiters: Array<{ resolve: (value: Out) => void; reject: (error: unknown) => void }>;
}

export class Coalescer<In, Out> {
  private readonly running = new Set<string>();
  private readonly next = new Map<string, Batch<In, Out>>();

  /**
   * `run` does one trip for all inputs of a batch, in arrival order, and answers one output per
   * input (same order). A failed trip fails every caller of its batch.
   */
  constructor(private readonly run: (key: string, inputs: In[]) => Promise<Out[]>) {}

  submit(key: string, input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      let batch = this.next.get(key);
      if (!batch) {
        batch = { inputs: [], waiters: [] };
        this.next.set(key, batch);
      }
      batch.inputs.push(input);
      batch.waiters.push({ resolve, reject });
      if (!this.running.has(key)) this.start(key);
    });
  }

  private start(key: string): void {
    const batch = this.next.get(key);
    if (!batch) return;
    this.next.delete(key);
    this.running.add(key);
    // The next batch starts as soon as this trip ends, before its callers hear back.
    const finished = () => {
      this.running.delete(key);
      this.start(key);
    };
    let trip: Promise<Out[]>;
    try {
      trip = this.run(key, batch.inputs);
    } catch (error) {
      trip = Promise.reject(error);
    }
    trip.then(
      (outputs) => {
        finished();
        if (outputs.length !== batch.inputs.length) {
          const error = new Error(`coalesced trip for ${key} answered ${outputs.length} of ${batch.inputs.length}`);
          for (const waiter of batch.waiters) waiter.reject(error);
          return;
        }
        batch.waiters.forEach((waiter, i) => waiter.resolve(outputs[i]!));
      },
      (error: unknown) => {
        finished();
        for (const waiter of batch.waiters) waiter.reject(error);
      },
    );
  }
}
