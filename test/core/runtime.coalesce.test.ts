/** Coalesced round trips: shared by callers who arrive together, never older than a caller's arrival. */
import { Coalescer } from '../../cloudfunctions/_core/runtime/coalesce';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

test('callers arriving while a trip runs share the next one, which starts after them, and get answers in arrival order', async () => {
  const trips: Array<{ key: string; inputs: number[]; done: ReturnType<typeof deferred<number[]>> }> = [];
  const coalescer = new Coalescer<number, number>((key, inputs) => {
    const done = deferred<number[]>();
    trips.push({ key, inputs: [...inputs], done });
    return done.promise;
  });
  const first = coalescer.submit('a', 1);
  expect(trips.map((t) => t.inputs)).toEqual([[1]]);
  const later = [coalescer.submit('a', 2), coalescer.submit('a', 3), coalescer.submit('a', 4)];
  const other = coalescer.submit('b', 9);
  // Another key has its own trip at once; the same key waits for the one in flight.
  expect(trips.map((t) => [t.key, t.inputs])).toEqual([['a', [1]], ['b', [9]]]);
  trips[0]!.done.resolve([10]);
  expect(await first).toBe(10);
  expect(trips.map((t) => [t.key, t.inputs])).toEqual([['a', [1]], ['b', [9]], ['a', [2, 3, 4]]]);
  trips[2]!.done.resolve([20, 30, 40]);
  expect(await Promise.all(later)).toEqual([20, 30, 40]);
  trips[1]!.done.resolve([90]);
  expect(await other).toBe(90);
});

test('a failed trip fails every caller of its batch and the next batch still runs', async () => {
  let calls = 0;
  const gate = deferred<void>();
  const coalescer = new Coalescer<string, string>(async (_key, inputs) => {
    calls += 1;
    if (calls === 1) {
      await gate.promise;
      throw new Error('database away');
    }
    return inputs.map((i) => i.toUpperCase());
  });
  const failing = coalescer.submit('k', 'x');
  const next = coalescer.submit('k', 'y');
  gate.resolve();
  await expect(failing).rejects.toThrow('database away');
  await expect(next).resolves.toBe('Y');
});

test('a trip answering the wrong number of outputs fails its callers instead of misdelivering', async () => {
  const coalescer = new Coalescer<number, number>(async () => [1, 2]);
  await expect(coalescer.submit('k', 1)).rejects.toThrow(/answered 2 of 1/);
});
