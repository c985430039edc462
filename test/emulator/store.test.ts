/** The emulator's store directly: index use, query pushdown, durability settings, conflicts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexDeclaration } from '../../cloudfunctions/_core/repositories/indexes';
import { indexDeclarations } from '../../cloudfunctions/_core/repositories/indexes';
import { planFilter, indexedFields } from '../../cloudfunctions/_local/emulator/planner';
import { DocumentStore } from '../../cloudfunctions/_local/emulator/store';
import { TransactionManager } from '../../cloudfunctions/_local/emulator/transactions';
import { fromStored, toStored } from '../../cloudfunctions/_local/emulator/values';

const indexes: IndexDeclaration[] = [
  { collection: 'things', name: 'group_when', fields: [{ field: 'groupId', type: 'string' }, { field: 'when', type: 'date', direction: -1 }] },
  { collection: 'things', name: 'code', unique: true, fields: [{ field: 'code', type: 'string' }] },
];

let dir: string;
let store: DocumentStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-store-'));
  store = new DocumentStore({ file: join(dir, 'db.sqlite'), indexes });
  store.createCollection('things');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function plan(sql: string, params: unknown[]): string {
  return (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
}

test('dates survive storage as dates', () => {
  const when = new Date('2026-03-04T05:06:07.089Z');
  expect(fromStored(toStored({ when, nested: [{ when }] }))).toEqual({ when, nested: [{ when }] });
});

test('queries on declared fields are answered by SQLite indexes, not scans', () => {
  const fields = indexedFields(indexes);
  const filter = { groupId: 'g1', when: { $gte: new Date(0) } };
  const sqlPlan = planFilter(filter, fields);
  expect(sqlPlan.exact).toBe(true);
  const detail = plan(`SELECT id FROM c_things WHERE ${sqlPlan.where.join(' AND ')}`, sqlPlan.params);
  expect(detail).toMatch(/USING INDEX ix_things_group_when/);
  expect(detail).not.toMatch(/SCAN c_things/);
});

test('indexed queries return the same as mingo over all documents, including windows', () => {
  const docs = Array.from({ length: 300 }, (_, i) => ({ groupId: `g${i % 3}`, when: new Date(Date.UTC(2026, 0, 1 + (i % 50))), n: i, code: `c${i}` }));
  store.insert('things', docs);
  const page = store.find('things', { groupId: 'g1' }, { sort: [['when', -1]], skip: 5, limit: 10 });
  const expected = docs
    .filter((d) => d.groupId === 'g1')
    .sort((a, b) => b.when.getTime() - a.when.getTime() || a.n - b.n)
    .slice(5, 15)
    .map((d) => d.n);
  expect(page.map((d) => d.n)).toEqual(expected);
  // A residual (unindexed) condition is applied by mingo after the index narrows the rows.
  expect(store.count('things', { groupId: 'g2', n: { $gt: 150 } })).toBe(docs.filter((d) => d.groupId === 'g2' && d.n > 150).length);
  expect(store.count('things', { groupId: { $in: ['g0', 'g2'] } })).toBe(200);
});

test('a unique index refuses a duplicate and the batch writes nothing', () => {
  store.insert('things', [{ code: 'a' }]);
  expect(() => store.insert('things', [{ code: 'b' }, { code: 'a' }])).toThrow(/duplicate/);
  expect(store.count('things', {})).toBe(1);
});

test('every declared index of the product builds on SQLite', () => {
  const productStore = new DocumentStore({ file: join(dir, 'product.sqlite'), indexes: indexDeclarations });
  for (const collection of new Set(indexDeclarations.map((d) => d.collection))) expect(productStore.createCollection(collection)).toBe(true);
  productStore.close();
});

test('the database runs in WAL mode; by default acknowledged writes are flushed by a group commit', async () => {
  expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(store.durable).toBe(true);
  store.insert('things', [{ n: 1 }]);
  // Concurrent flushes share the fsync in flight or the next one; all resolve.
  await Promise.all([store.flushWal(), store.flushWal(), store.flushWal()]);
  const relaxed = new DocumentStore({ file: join(dir, 'relaxed.sqlite'), indexes, synchronous: 'NORMAL' });
  expect(relaxed.durable).toBe(false);
  await relaxed.flushWal();
  relaxed.close();
});

test('a transaction writing a document deleted after its snapshot conflicts at once; a blind insert of an id created meanwhile conflicts at commit', () => {
  const tx = new TransactionManager(store);
  store.insert('things', [{ _id: 'x', v: 1 }]);
  const a = tx.begin();
  expect(tx.get(a, 'things', 'x')).toEqual({ _id: 'x', v: 1 });
  store.remove('things', { _id: 'x' }, false);
  // The snapshot still holds it; the write is what conflicts (and ends the transaction).
  expect(tx.get(a, 'things', 'x')).toEqual({ _id: 'x', v: 1 });
  expect(() => tx.update(a, 'things', 'x', { $set: { v: 2 } })).toThrow(/conflict/);
  expect(() => tx.commit(a)).toThrow(/does not exist/);

  const b = tx.begin();
  tx.insert(b, 'things', 'y', { v: 1 });
  store.insert('things', [{ _id: 'y', v: 9 }]);
  expect(() => tx.commit(b)).toThrow(/conflict/);
  expect(store.getRow('things', 'y')!.doc).toEqual({ _id: 'y', v: 9 });
});

test('a transaction left open is dropped after 30 s: its lock and snapshot go with it', () => {
  jest.useFakeTimers({ now: new Date('2026-05-01T08:00:00Z') });
  try {
    const tx = new TransactionManager(store);
    store.insert('things', [{ _id: 'x', v: 1 }]);
    const abandoned = tx.begin();
    tx.update(abandoned, 'things', 'x', { $set: { v: 2 } });
    expect(store.history.openSnapshots).toBe(1);
    const blocked = tx.begin();
    expect(() => tx.update(blocked, 'things', 'x', { $set: { v: 3 } })).toThrow(/conflict/);
    jest.advanceTimersByTime(31_000);
    expect(store.history.openSnapshots).toBe(0);
    expect(() => tx.get(abandoned, 'things', 'x')).toThrow(/does not exist/);
    const next = tx.begin();
    expect(tx.update(next, 'things', 'x', { $set: { v: 3 } })).toMatchObject({ matched: 1, updated: 1 });
    tx.commit(next);
    expect(store.getRow('things', 'x')!.doc).toEqual({ _id: 'x', v: 3 });
  } finally {
    jest.useRealTimers();
  }
});

test('geo conditions narrow rows by their bounding box in SQL without losing arrays of points or other shapes', () => {
  const point = (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] });
  store.insert('things', [
    { _id: 'near', at: point(116.4, 39.9) },
    { _id: 'far', at: point(121.47, 31.23) },
    { _id: 'list', at: [point(0, 0), point(116.401, 39.9)] },
    { _id: 'line', at: { type: 'LineString', coordinates: [[116.4, 39.9], [116.402, 39.901]] } },
    { _id: 'none' },
  ]);
  const circle = { at: { $geoWithin: { $centerSphere: [[116.4, 39.9], 1 / 6378.1] } } };
  const sqlPlan = planFilter(circle, indexedFields(indexes));
  expect(sqlPlan.where.join(' ')).toContain('BETWEEN');
  const rows = store.db.prepare(`SELECT id FROM c_things WHERE ${sqlPlan.where.join(' AND ')}`).all(...sqlPlan.params) as Array<{ id: string }>;
  expect(rows.map((r) => r.id).sort()).toEqual(['line', 'list', 'near']);
  expect(store.find('things', circle).map((d) => d._id).sort()).toEqual(['line', 'list', 'near']);
  const nearest = store.find('things', { at: { $nearSphere: { $geometry: point(116.4002, 39.9) } } });
  expect(nearest.map((d) => d._id)).toEqual(['near', 'list', 'far']);
});

test('client-supplied $where never runs code', () => {
  store.insert('things', [{ n: 1 }]);
  expect(() => store.find('things', { $where: 'function () { return true }' })).toThrow();
});

test('undeclared fields are narrowed in SQL without losing array matches', () => {
  store.insert('things', [
    { _id: 'a', groupId: 'g', color: 'red', extra: 1 },
    { _id: 'b', groupId: 'g', color: ['red', 'blue'] },
    { _id: 'c', groupId: 'g', color: 'blue', extra: null },
    { _id: 'd', groupId: 'g' },
  ]);
  const ids = (filter: Record<string, unknown>) => store.find('things', filter).map((d) => d._id).sort();
  expect(ids({ groupId: 'g', color: 'red' })).toEqual(['a', 'b']);
  expect(ids({ groupId: 'g', color: { $in: ['blue'] } })).toEqual(['b', 'c']);
  expect(ids({ groupId: 'g', extra: { $ne: null } })).toEqual(['a']);
  expect(store.count('things', { color: 'red' })).toBe(2);
  const sqlPlan = planFilter({ color: 'red', 'nested.path': 1 }, indexedFields(indexes));
  expect(sqlPlan.where).toEqual([`(json_extract(doc, '$.color') = ? OR json_type(doc, '$.color') = 'array')`]);
});
