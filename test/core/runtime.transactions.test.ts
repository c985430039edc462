/**
 * inTransaction under CloudBase's transaction semantics: a commit by someone else after the
 * snapshot makes the write conflict and the whole function run again on fresh data; the calls
 * node-sdk would send outside the transaction are refused before they are sent.
 */
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { inTransaction } from '../../cloudfunctions/_core/runtime/transactions';
import { startCloudForCore } from '../support/coreAgainstCloud';

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
beforeAll(async () => {
  cloud = await startCloudForCore();
  await database().createCollection('tx_probe');
});
afterAll(async () => cloud.close());

const probe = () => database().collection('tx_probe');

test('a write to a document committed by another transaction after the snapshot conflicts, and the function runs again on fresh data', async () => {
  await probe().add({ _id: 'counter', value: 1 });
  const other = await database().startTransaction();
  await other.collection('tx_probe').doc('counter').update({ value: 10 });
  let runs = 0;
  await inTransaction(async (tx) => {
    runs += 1;
    const { data } = (await tx.collection('tx_probe').doc('counter').get()) as { data: { value: number } };
    // The other transaction commits after this one's snapshot: the read above is now stale.
    if (runs === 1) await other.commit();
    await tx.collection('tx_probe').doc('counter').update({ value: data.value + 1 });
  });
  expect(runs).toBe(2);
  expect((await probe().doc('counter').get()).data[0]).toMatchObject({ value: 11 });
});

test('where().update/remove, count and aggregate on a transaction collection throw; doc writes and where().updateAndReturn stay in it', async () => {
  await probe().add([{ _id: 'p1', kind: 'probe', n: 0 }, { _id: 'p2', kind: 'probe', n: 0 }]);
  const leaks: Array<[string, (tx: Parameters<Parameters<typeof inTransaction>[0]>[0]) => Promise<unknown>]> = [
    ['update', (tx) => tx.collection('tx_probe').where({ kind: 'probe' }).update({ n: 1 })],
    ['remove', (tx) => tx.collection('tx_probe').where({ kind: 'probe' }).limit(1).remove()],
    ['count', (tx) => tx.collection('tx_probe').where({ kind: 'probe' }).count()],
    ['aggregate', async (tx) => tx.collection('tx_probe').aggregate()],
  ];
  for (const [method, leak] of leaks) {
    await expect(inTransaction(leak)).rejects.toThrow(`.${method}() is not sent with the transaction id by node-sdk and would run outside the transaction`);
  }
  const { data } = await probe().where({ kind: 'probe' }).get();
  expect(data.map((d: { n: number }) => d.n)).toEqual([0, 0]);

  await inTransaction(async (tx) => {
    await tx.collection('tx_probe').doc('p1').update({ n: 5 });
    const claimed = (await tx.collection('tx_probe').where({ kind: 'probe', n: 0 }).updateAndReturn({ n: 7 })) as { updated: number; doc: { _id: string } };
    expect(claimed).toMatchObject({ updated: 1, doc: { _id: 'p2' } });
  });
  const after = await probe().where({ kind: 'probe' }).orderBy('_id', 'asc').get();
  expect(after.data.map((d: { n: number }) => d.n)).toEqual([5, 7]);
});
