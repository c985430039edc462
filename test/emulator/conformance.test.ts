/**
 * CloudBase document-database conformance: the real @cloudbase/node-sdk against the emulator
 * (or a real environment, see support/sdkTarget), asserting MongoDB/CloudBase semantics.
 */
import { openSdkTarget, type SdkTarget } from '../support/sdkTarget';

let target: SdkTarget;
let db: ReturnType<SdkTarget['app']['database']>;
const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const name = (base: string) => `conf_${base}_${suffix}`;

async function freshCollection(base: string) {
  const collectionName = name(base);
  await db.createCollection(collectionName);
  return db.collection(collectionName);
}

beforeAll(async () => {
  target = await openSdkTarget();
  db = target.app.database();
});

afterAll(async () => {
  await target.close();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
  throw new Error('expected the call to reject');
}

describe('documents', () => {
  test('add and get round-trip every value type, with serverDate filled by the server', async () => {
    const c = await freshCollection('types');
    const when = new Date('2026-05-01T08:30:00.000Z');
    const before = Date.now();
    const { id } = (await c.add({
      s: '中文 text',
      i: 42,
      f: 1.5,
      big: 2 ** 40,
      neg: -7,
      b: true,
      n: null,
      when,
      at: db.serverDate(),
      nested: { deep: { x: 1 } },
      list: [1, 'two', { three: 3 }],
    })) as { id: string };
    expect(typeof id).toBe('string');
    const { data } = await c.doc(id).get();
    expect(data).toHaveLength(1);
    const doc = data[0] as Record<string, unknown>;
    expect(doc).toMatchObject({ _id: id, s: '中文 text', i: 42, f: 1.5, big: 2 ** 40, neg: -7, b: true, n: null, nested: { deep: { x: 1 } }, list: [1, 'two', { three: 3 }] });
    expect(doc.when).toEqual(when);
    expect(doc.at).toBeInstanceOf(Date);
    expect((doc.at as Date).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((doc.at as Date).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  test('a duplicate _id on add rejects with DATABASE_DUPLICATE_WRITE and changes nothing', async () => {
    const c = await freshCollection('dup');
    await c.add({ _id: 'same', v: 1 });
    expect(await codeOf(c.add({ _id: 'same', v: 2 }))).toBe('DATABASE_DUPLICATE_WRITE');
    const { data } = await c.doc('same').get();
    expect(data[0]).toMatchObject({ v: 1 });
  });

  test('batch add returns ids in order; a get of a missing id is empty', async () => {
    const c = await freshCollection('batch');
    const result = (await c.add([{ n: 1 }, { n: 2 }, { _id: 'third', n: 3 }])) as { ids: string[] };
    expect(result.ids).toHaveLength(3);
    expect(result.ids[2]).toBe('third');
    const { data } = await c.doc(result.ids[1]!).get();
    expect(data[0]).toMatchObject({ n: 2 });
    expect((await c.doc('missing').get()).data).toEqual([]);
  });

  test('set replaces a document and creates a missing one', async () => {
    const c = await freshCollection('set');
    await c.add({ _id: 'a', x: 1, y: 2 });
    const replaced = await c.doc('a').set({ x: 10 });
    expect(replaced.updated).toBe(1);
    expect((await c.doc('a').get()).data[0]).toEqual({ _id: 'a', x: 10 });
    const created = await c.doc('b').set({ z: 1 });
    expect(created.upsertedId).toBe('b');
    expect((await c.doc('b').get()).data[0]).toEqual({ _id: 'b', z: 1 });
  });

  test('remove by id and by where', async () => {
    const c = await freshCollection('remove');
    await c.add([{ _id: 'a', k: 1 }, { _id: 'b', k: 2 }, { _id: 'c', k: 2 }]);
    expect((await c.doc('a').remove()).deleted).toBe(1);
    expect((await c.where({ k: 2 }).remove()).deleted).toBe(2);
    expect((await c.count()).total).toBe(0);
  });
});

describe('queries', () => {
  let c: ReturnType<typeof db.collection>;
  beforeAll(async () => {
    c = await freshCollection('query');
    await c.add([
      { _id: 'p1', name: 'alice', age: 30, tags: ['a', 'b'], addr: { city: 'SZ', zip: 1 }, scores: [{ s: 5 }, { s: 9 }] },
      { _id: 'p2', name: 'bob', age: 20, tags: ['b'], addr: { city: 'GZ' }, scores: [{ s: 1 }] },
      { _id: 'p3', name: 'carol', age: 40, tags: [], nick: null },
      { _id: 'p4', name: 'dave', age: 25 },
    ]);
  });
  const ids = (res: { data: unknown[] }) => (res.data as Array<{ _id: string }>).map((d) => d._id).sort();

  test('comparison, membership and existence operators', async () => {
    const _ = db.command;
    expect(ids(await c.where({ age: _.gt(25) }).get())).toEqual(['p1', 'p3']);
    expect(ids(await c.where({ age: _.gte(25).and(_.lt(40)) }).get())).toEqual(['p1', 'p4']);
    expect(ids(await c.where({ name: _.in(['bob', 'dave']) }).get())).toEqual(['p2', 'p4']);
    expect(ids(await c.where({ name: _.nin(['bob', 'dave']) }).get())).toEqual(['p1', 'p3']);
    expect(ids(await c.where({ tags: _.exists(false) }).get())).toEqual(['p4']);
    expect(ids(await c.where({ name: _.neq('alice') }).get())).toEqual(['p2', 'p3', 'p4']);
  });

  test('missing fields: eq null matches null and missing; neq matches missing', async () => {
    const _ = db.command;
    expect(ids(await c.where({ nick: null }).get())).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(ids(await c.where({ nick: _.exists(true) }).get())).toEqual(['p3']);
    expect(ids(await c.where({ 'addr.city': _.neq('SZ') }).get())).toEqual(['p2', 'p3', 'p4']);
  });

  test('array matching: equality matches an element; size, all, elemMatch', async () => {
    const _ = db.command;
    expect(ids(await c.where({ tags: 'b' }).get())).toEqual(['p1', 'p2']);
    expect(ids(await c.where({ tags: _.size(0) }).get())).toEqual(['p3']);
    expect(ids(await c.where({ tags: _.all(['a', 'b']) }).get())).toEqual(['p1']);
    expect(ids(await c.where({ scores: _.elemMatch({ s: _.gt(8) }) }).get())).toEqual(['p1']);
    expect(ids(await c.where({ 'scores.s': 1 }).get())).toEqual(['p2']);
  });

  test('dot paths, nested objects, regular expressions and logical operators', async () => {
    const _ = db.command;
    expect(ids(await c.where({ 'addr.city': 'SZ' }).get())).toEqual(['p1']);
    expect(ids(await c.where({ addr: { city: 'GZ' } }).get())).toEqual(['p2']);
    expect(ids(await c.where({ name: /^[ab]/ }).get())).toEqual(['p1', 'p2']);
    expect(ids(await c.where({ name: db.RegExp({ regexp: 'ROL', options: 'i' }) }).get())).toEqual(['p3']);
    expect(ids(await c.where(_.or([{ age: _.lt(21) }, { age: _.gt(35) }])).get())).toEqual(['p2', 'p3']);
    expect(ids(await c.where(_.nor([{ age: _.lt(21) }, { age: _.gt(35) }])).get())).toEqual(['p1', 'p4']);
    expect(ids(await c.where({ age: _.not(_.gt(25)) }).get())).toEqual(['p2', 'p4']);
  });

  test('orderBy, skip, limit and field', async () => {
    const page = await c.where({}).orderBy('age', 'desc').skip(1).limit(2).field({ name: true }).get();
    expect(page.data).toEqual([
      { _id: 'p1', name: 'alice' },
      { _id: 'p4', name: 'dave' },
    ]);
    const excluded = await c.doc('p2').field({ addr: false, scores: false, tags: false }).get();
    expect(excluded.data[0]).toEqual({ _id: 'p2', name: 'bob', age: 20 });
  });

  test('count', async () => {
    const _ = db.command;
    expect((await c.count()).total).toBe(4);
    expect((await c.where({ age: _.lte(25) }).count()).total).toBe(2);
  });

  test('a query on a missing collection rejects with DATABASE_COLLECTION_NOT_EXIST', async () => {
    expect(await codeOf(db.collection(name('nothing_here')).get())).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });
});

describe('update commands', () => {
  test('every update command, with dot paths', async () => {
    const c = await freshCollection('update');
    const _ = db.command;
    await c.add({
      _id: 'u',
      a: 1,
      m: 3,
      lo: 5,
      hi: 5,
      old: 'x',
      gone: true,
      arr: [1, 2, 3],
      pulls: [1, 2, 3, 2],
      shifty: ['first', 'mid', 'last'],
      set: ['a'],
      nested: { n: 1, keep: 'yes' },
      list: [{ n: 1 }, { n: 2 }],
      sorted: [5, 1],
    });
    await c.doc('u').update({
      a: _.inc(2),
      m: _.mul(2),
      lo: _.min(3),
      hi: _.max(9),
      old: _.rename('renamed'),
      gone: _.remove(),
      arr: _.push([4, 5]),
      pulls: _.pull(2),
      shifty: _.shift(),
      set: _.addToSet('a'),
      'nested.n': _.inc(10),
      'list.1.n': 20,
      sorted: _.push({ each: [3], sort: 1, slice: 2 }),
      fresh: { made: true },
    });
    await c.doc('u').update({ arr: _.unshift(0), set: _.addToSet('b'), pulls: _.pullAll([1]), shifty: _.pop() });
    const doc = (await c.doc('u').get()).data[0] as Record<string, unknown>;
    expect(doc).toEqual({
      _id: 'u',
      a: 3,
      m: 6,
      lo: 3,
      hi: 9,
      renamed: 'x',
      arr: [0, 1, 2, 3, 4, 5],
      pulls: [3],
      shifty: ['mid'],
      set: ['a', 'b'],
      nested: { n: 11, keep: 'yes' },
      list: [{ n: 1 }, { n: 20 }],
      sorted: [1, 3],
      fresh: { made: true },
    });
  });

  test('where().update updates every match and reports the count', async () => {
    const c = await freshCollection('multi');
    const _ = db.command;
    await c.add([{ g: 1, v: 0 }, { g: 1, v: 0 }, { g: 2, v: 0 }]);
    const result = await c.where({ g: 1 }).update({ v: _.inc(1) });
    expect(result.updated).toBe(2);
    expect((await c.where({ v: 1 }).count()).total).toBe(2);
  });

  test('updateAndReturn returns the document after the update', async () => {
    const c = await freshCollection('uar');
    const _ = db.command;
    await c.add({ _id: 'counter', n: 1 });
    const result = (await c.where({ _id: 'counter' }).updateAndReturn({ n: _.inc(5) })) as { updated: number; doc: { n: number } };
    expect(result.updated).toBe(1);
    expect(result.doc.n).toBe(6);
  });

  test('a conditional updateAndReturn on dot paths: counts and marks once, then matches nothing', async () => {
    const c = await freshCollection('uardots');
    const _ = db.command;
    await c.add({ _id: 'user', nickname: '居民' });
    type Result = { updated: number; doc: { rate?: Record<string, { w: number; n: number }>; req?: Record<string, string> } | null };
    const mark = async () =>
      (await c.where({ _id: 'user', 'rate.signups_create.w': _.neq(60_000), 'req.k1': _.exists(false) }).updateAndReturn({ 'rate.signups_create.w': 60_000, 'rate.signups_create.n': 1, 'req.k1': 'tag:1' })) as Result;
    const first = await mark();
    expect(first.updated).toBe(1);
    expect(first.doc).toMatchObject({ nickname: '居民', rate: { signups_create: { w: 60_000, n: 1 } }, req: { k1: 'tag:1' } });
    const again = await mark();
    expect([again.updated, again.doc ?? null]).toEqual([0, null]);
    const bumped = (await c.where({ _id: 'user', 'rate.signups_create.w': 60_000, 'rate.signups_create.n': _.lt(2) }).updateAndReturn({ 'rate.signups_create.n': _.inc(1) })) as Result;
    expect(bumped.doc?.rate?.signups_create?.n).toBe(2);
    await c.doc('user').update({ 'req.k1': _.remove() });
    expect((await c.doc('user').get()).data[0]).toEqual({ _id: 'user', nickname: '居民', rate: { signups_create: { w: 60_000, n: 2 } }, req: {} });
  });

  test('updating _id is refused and nothing changes', async () => {
    const c = await freshCollection('idfix');
    await c.add({ _id: 'fixed', v: 1 });
    await expect(c.where({ _id: 'fixed' }).update({ $set: { _id: 'other' } } as never)).rejects.toBeDefined();
    expect((await c.doc('fixed').get()).data[0]).toEqual({ _id: 'fixed', v: 1 });
  });
});

describe('aggregate', () => {
  test('match, group with accumulators, sort, skip, limit, project, addFields, count', async () => {
    const c = await freshCollection('agg');
    await c.add([
      { city: 'SZ', amount: 10, name: 'a' },
      { city: 'SZ', amount: 30, name: 'b' },
      { city: 'GZ', amount: 5, name: 'c' },
      { city: 'BJ', amount: 1, name: 'd' },
    ]);
    const $ = db.command.aggregate;
    const { data } = await c
      .aggregate()
      .match({ amount: db.command.gte(2) })
      .group({ _id: '$city', total: $.sum('$amount'), avg: $.avg('$amount'), n: $.sum(1), names: $.push('$name'), max: $.max('$amount'), min: $.min('$amount'), first: $.first('$name') })
      .sort({ total: -1 })
      .skip(0)
      .limit(5)
      .addFields({ big: $.gt(['$total', 20]) })
      .project({ _id: 0, city: '$_id', total: 1, avg: 1, n: 1, names: 1, max: 1, min: 1, first: 1, big: 1 })
      .end();
    expect(data).toEqual([
      { city: 'SZ', total: 40, avg: 20, n: 2, names: ['a', 'b'], max: 30, min: 10, first: 'a', big: true },
      { city: 'GZ', total: 5, avg: 5, n: 1, names: ['c'], max: 5, min: 5, first: 'c', big: false },
    ]);
    const counted = await c.aggregate().match({ city: 'SZ' }).count('n').end();
    expect(counted.data).toEqual([{ n: 2 }]);
  });

  test('lookup and unwind', async () => {
    const orders = await freshCollection('orders');
    const people = await freshCollection('people');
    await people.add([{ _id: 'p1', name: 'alice' }, { _id: 'p2', name: 'bob' }]);
    await orders.add([{ who: 'p1', item: 'tea' }, { who: 'p1', item: 'rice' }, { who: 'p2', item: 'soy' }]);
    const { data } = await people
      .aggregate()
      .lookup({ from: name('orders'), localField: '_id', foreignField: 'who', as: 'orders' })
      .unwind('$orders')
      .project({ _id: 0, name: 1, item: '$orders.item' })
      .sort({ item: 1 })
      .end();
    expect(data).toEqual([
      { name: 'alice', item: 'rice' },
      { name: 'bob', item: 'soy' },
      { name: 'alice', item: 'tea' },
    ]);
  });
});

describe('transactions', () => {
  test('commit makes every write visible at once; rollback leaves nothing', async () => {
    const c = await freshCollection('tx');
    await c.add({ _id: 'acct', balance: 10 });
    const tx = await db.startTransaction();
    const inTx = tx.collection(name('tx'));
    const read = (await inTx.doc('acct').get()) as { data: { balance: number } };
    await inTx.doc('acct').update({ balance: read.data.balance - 3 });
    await inTx.doc('entry').set({ amount: 3 });
    expect((await c.doc('entry').get()).data).toEqual([]);
    await tx.commit();
    expect((await c.doc('acct').get()).data[0]).toMatchObject({ balance: 7 });
    expect((await c.doc('entry').get()).data[0]).toMatchObject({ amount: 3 });

    const aborted = await db.startTransaction();
    await aborted.collection(name('tx')).doc('acct').update({ balance: 0 });
    await aborted.collection(name('tx')).doc('other').set({ amount: 99 });
    await aborted.rollback();
    expect((await c.doc('acct').get()).data[0]).toMatchObject({ balance: 7 });
    expect((await c.doc('other').get()).data).toEqual([]);
  });

  test('a transaction writing a document another open transaction wrote fails at that write with DATABASE_TRANSACTION_CONFLICT', async () => {
    const c = await freshCollection('conflict');
    await c.add({ _id: 'seat', left: 1 });
    const first = await db.startTransaction();
    const second = await db.startTransaction();
    await first.collection(name('conflict')).doc('seat').get();
    await second.collection(name('conflict')).doc('seat').get();
    await first.collection(name('conflict')).doc('seat').update({ left: 0 });
    expect(await codeOf(second.collection(name('conflict')).doc('seat').update({ left: 0 }))).toBe('DATABASE_TRANSACTION_CONFLICT');
    await first.commit();
    expect((await c.doc('seat').get()).data[0]).toMatchObject({ left: 0 });
  });

  test('runTransaction retries on conflict so concurrent increments all land', async () => {
    const c = await freshCollection('retry');
    await c.add({ _id: 'n', value: 0 });
    const runs = Array.from({ length: 8 }, () =>
      db.runTransaction(async (tx: Awaited<ReturnType<typeof db.startTransaction>>) => {
        const { data } = (await tx.collection(name('retry')).doc('n').get()) as { data: { value: number } };
        await tx.collection(name('retry')).doc('n').update({ value: data.value + 1 });
      }, 20),
    );
    await Promise.all(runs);
    expect((await c.doc('n').get()).data[0]).toMatchObject({ value: 8 });
  });

  test('a duplicate create inside runTransaction rejects and rolls back the other writes', async () => {
    const c = await freshCollection('txdup');
    await c.add({ _id: 'taken', v: 1 });
    const attempt = db.runTransaction(async (tx: Awaited<ReturnType<typeof db.startTransaction>>) => {
      await tx.collection(name('txdup')).doc('fresh').set({ v: 2 });
      await tx.collection(name('txdup')).doc('taken').create({ v: 3 });
    });
    expect(await codeOf(attempt)).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await c.doc('fresh').get()).data).toEqual([]);
    expect((await c.doc('taken').get()).data[0]).toMatchObject({ v: 1 });
  });
});

describe('contention', () => {
  test('200 concurrent conditional updates admit exactly the capacity of 50', async () => {
    const c = await freshCollection('seats');
    const _ = db.command;
    await c.add({ _id: 'activity', left: 50 });
    const results = await Promise.all(
      Array.from({ length: 200 }, () => c.where({ _id: 'activity', left: _.gt(0) }).update({ left: _.inc(-1) })),
    );
    expect(results.filter((r) => r.updated === 1)).toHaveLength(50);
    expect((await c.doc('activity').get()).data[0]).toMatchObject({ left: 0 });
  });
});

describe('storage', () => {
  test('upload, temp URL, download and delete', async () => {
    const cloudPath = `conformance/${suffix}/hello 世界.txt`;
    const { fileID } = await target.app.uploadFile({ cloudPath, fileContent: Buffer.from('你好, Linli') });
    const urls = await target.app.getTempFileURL({ fileList: [fileID] });
    expect(urls.fileList[0]).toMatchObject({ fileID, code: 'SUCCESS' });
    const downloaded = await target.app.downloadFile({ fileID });
    expect(downloaded.fileContent?.toString()).toBe('你好, Linli');
    const copyPath = `conformance/${suffix}/copies/hello 世界.txt`;
    const copied = await target.app.copyFile({ fileList: [{ srcPath: cloudPath, dstPath: copyPath }] });
    expect(copied.fileList[0]).toMatchObject({ code: 'SUCCESS' });
    const copyId = fileID!.replace(`${suffix}/hello`, `${suffix}/copies/hello`);
    expect((await target.app.downloadFile({ fileID: copyId })).fileContent?.toString()).toBe('你好, Linli');
    const deleted = await target.app.deleteFile({ fileList: [fileID] });
    expect(deleted.fileList[0]).toMatchObject({ fileID, code: 'SUCCESS' });
    const after = await target.app.getTempFileURL({ fileList: [fileID] });
    expect(after.fileList[0]!.code).not.toBe('SUCCESS');
  });
});
