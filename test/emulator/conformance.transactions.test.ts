/**
 * Transaction conformance: snapshot reads, read-your-own-writes for queries, write-time
 * conflicts and finished transactions, as CloudBase (MongoDB snapshot isolation) answers them.
 * Runs against the emulator or, with TCB_ENV and keys, a real environment (support/conformance).
 */
import { codeOf, useConformanceTarget, type Tx } from '../support/conformance';

const conf = useConformanceTarget();

async function seeded(base: string) {
  const c = await conf.freshCollection(base);
  await c.add([
    { _id: 'a', kind: 'seat', left: 2 },
    { _id: 'b', kind: 'seat', left: 5 },
  ]);
  return { c, inTx: (tx: Tx) => tx.collection(conf.name(base)) };
}

describe('snapshot reads', () => {
  test('a document first read late shows the data as of the first read, not a later change by another client', async () => {
    const { c, inTx } = await seeded('snap');
    const tx = await conf.db.startTransaction();
    expect((await inTx(tx).doc('a').get()).data).toMatchObject({ left: 2 });
    await c.doc('b').update({ left: 0 });
    await c.add({ _id: 'c', kind: 'seat', left: 9 });
    expect((await inTx(tx).doc('b').get()).data).toMatchObject({ left: 5 });
    expect((await inTx(tx).doc('c').get()).data).toBeNull();
    const { data } = await inTx(tx).where({ kind: 'seat' }).orderBy('_id', 'asc').get();
    expect(data.map((d: { _id: string; left: number }) => [d._id, d.left])).toEqual([
      ['a', 2],
      ['b', 5],
    ]);
    await tx.rollback();
  });

  test('the transaction sees its own writes; other clients see none of them until commit', async () => {
    const { c, inTx } = await seeded('own');
    const tx = await conf.db.startTransaction();
    await inTx(tx).doc('a').update({ left: 1 });
    await inTx(tx).add([{ _id: 'n1', kind: 'seat', left: 7 }, { _id: 'n2', kind: 'desk', left: 3 }]);
    await inTx(tx).doc('b').remove();
    expect((await inTx(tx).doc('a').get()).data).toMatchObject({ left: 1 });
    const seats = await inTx(tx).where({ kind: 'seat' }).orderBy('left', 'asc').get();
    expect(seats.data.map((d: { _id: string }) => d._id)).toEqual(['a', 'n1']);
    expect((await c.doc('a').get()).data[0]).toMatchObject({ left: 2 });
    expect((await c.where({ kind: 'seat' }).get()).data.map((d) => d._id).sort()).toEqual(['a', 'b']);
    await tx.commit();
    expect((await c.where({ kind: 'seat' }).get()).data.map((d) => d._id).sort()).toEqual(['a', 'n1']);
  });
});

describe('where().updateAndReturn() in a transaction', () => {
  test('updates the first match inside the transaction and returns it; committed with the rest', async () => {
    const { c, inTx } = await seeded('far');
    const tx = await conf.db.startTransaction();
    const _ = conf.db.command;
    const res = (await inTx(tx).where({ _id: 'b', left: _.gt(0) }).updateAndReturn({ left: _.inc(-1) })) as { updated: number; doc: { left: number } };
    expect(res.updated).toBe(1);
    expect(res.doc).toMatchObject({ _id: 'b', left: 4 });
    expect((await inTx(tx).doc('b').get()).data).toMatchObject({ left: 4 });
    expect((await c.doc('b').get()).data[0]).toMatchObject({ left: 5 });
    const none = (await inTx(tx).where({ _id: 'missing' }).updateAndReturn({ left: 0 })) as { updated: number; doc: unknown };
    expect(none.updated).toBe(0);
    expect(none.doc).toBeNull();
    await tx.commit();
    expect((await c.doc('b').get()).data[0]).toMatchObject({ left: 4 });
  });
});

describe('write conflicts', () => {
  test('updating a document another client changed after the snapshot fails at once and ends the transaction', async () => {
    const { c, inTx } = await seeded('late');
    const tx = await conf.db.startTransaction();
    await inTx(tx).doc('a').get();
    await c.doc('a').update({ left: 0 });
    expect(await codeOf(inTx(tx).doc('a').update({ left: 1 }))).toBe('DATABASE_TRANSACTION_CONFLICT');
    // MongoDB aborts a transaction on a write conflict: it cannot be committed afterwards.
    await expect(tx.commit()).rejects.toBeDefined();
    expect((await c.doc('a').get()).data[0]).toMatchObject({ left: 0 });
  });

  test('documents only read are not checked: two transactions may each write what the other read (write skew)', async () => {
    const { c, inTx } = await seeded('skew');
    const first = await conf.db.startTransaction();
    const second = await conf.db.startTransaction();
    const a = (await inTx(first).doc('a').get()).data as { left: number };
    const b = (await inTx(second).doc('b').get()).data as { left: number };
    await inTx(first).doc('b').update({ left: a.left + 100 });
    await inTx(second).doc('a').update({ left: b.left + 100 });
    await first.commit();
    await second.commit();
    const { data } = await c.where({ kind: 'seat' }).orderBy('_id', 'asc').get();
    expect(data.map((d) => d.left)).toEqual([105, 102]);
  });
});

describe('finished transactions', () => {
  test('a committed or rolled-back transaction answers DATABASE_TRANSACTION_FAIL', async () => {
    const { inTx } = await seeded('done');
    const committed = await conf.db.startTransaction();
    await committed.commit();
    expect(await codeOf(inTx(committed).doc('a').set({ left: 1 }))).toBe('DATABASE_TRANSACTION_FAIL');
    const rolledBack = await conf.db.startTransaction();
    await inTx(rolledBack).doc('a').get();
    await rolledBack.rollback();
    expect(await codeOf(inTx(rolledBack).doc('a').get())).toBe('DATABASE_TRANSACTION_FAIL');
    expect(await codeOf(rolledBack.commit())).toBe('DATABASE_TRANSACTION_FAIL');
  });
});
