/**
 * Emulator scenarios (issue: local cloud): point read, indexed query returning 20 of 100k,
 * insert, conditional update under 200 concurrent callers — each through the real node-sdk
 * and HTTP, with the same operation done directly on better-sqlite3 as the baseline.
 */
import Database from 'better-sqlite3';
import tcb from '@cloudbase/node-sdk';
import { join } from 'node:path';
import { Client } from '../../support/localCloud';
import { summarise, timeOp, type Row } from '../harness';
import type { BenchContext } from '../run';

const DOCS = 100_000;
const USERS = 5_000;

function rawBaseline(dir: string) {
  const db = new Database(join(dir, 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE t (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL, ver INTEGER NOT NULL);
    CREATE INDEX ix_user_created ON t (json_extract(doc, '$.userId'), json_extract(doc, '$.createdAt."$date"') DESC);`);
  return db;
}

function inboxDoc(i: number) {
  return { userId: `bench-u${i % USERS}`, kind: 'bench', title: `通知 ${i}`, body: '活动提醒', link: null, readAt: null, createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000) };
}

export async function emulatorScenarios(ctx: BenchContext): Promise<Row[]> {
  const group = 'Emulator (node-sdk → HTTP → SQLite) vs better-sqlite3 directly';
  const app = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${ctx.cloud.url}/tcb/admin` });
  const db = app.database();
  const _ = db.command;
  const inbox = db.collection('inbox');
  const raw = rawBaseline(ctx.dir);
  const insertRaw = raw.prepare('INSERT INTO t (id, doc, ver) VALUES (?, ?, 1)');

  const ids: string[] = [];
  for (let start = 0; start < DOCS; start += 1000) {
    const batch = Array.from({ length: 1000 }, (_, k) => ({ _id: `bench-${start + k}`, ...inboxDoc(start + k) }));
    await inbox.add(batch);
    raw.transaction(() => {
      for (const doc of batch) insertRaw.run(doc._id, JSON.stringify({ ...doc, createdAt: { $date: doc.createdAt.getTime() } }));
    })();
    ids.push(...batch.map((d) => d._id));
  }
  const pick = (i: number) => ids[(Math.abs(i) * 7919) % ids.length]!;
  const rows: Row[] = [];

  const rawRead = raw.prepare('SELECT doc FROM t WHERE id = ?');
  const baseRead = await timeOp((i) => JSON.parse((rawRead.get(pick(i)) as { doc: string }).doc), { iterations: 2000 });
  const sdkRead = await timeOp((i) => inbox.doc(pick(i)).get(), { iterations: 2000 });
  rows.push(summarise(group, 'point read `doc(id).get()` (100k docs)', sdkRead, { baseline: { name: 'SELECT by id', median: summarise('', '', baseRead).median } }));

  const rawQuery = raw.prepare(`SELECT doc FROM t WHERE json_extract(doc, '$.userId') = ? ORDER BY json_extract(doc, '$.createdAt."$date"') DESC LIMIT 20`);
  const baseQuery = await timeOp((i) => (rawQuery.all(`bench-u${Math.abs(i) % USERS}`) as Array<{ doc: string }>).map((r) => JSON.parse(r.doc)), { iterations: 1000 });
  const sdkQuery = await timeOp(async (i) => {
    const { data } = await inbox.where({ userId: `bench-u${Math.abs(i) % USERS}` }).orderBy('createdAt', 'desc').limit(20).get();
    if (data.length !== 20) throw new Error(`expected 20 rows, got ${data.length}`);
  }, { iterations: 1000 });
  rows.push(summarise(group, 'indexed query: 20 of 100k, sorted', sdkQuery, { baseline: { name: 'SELECT on expression index', median: summarise('', '', baseQuery).median } }));

  let n = 0;
  const baseInsert = await timeOp(() => insertRaw.run(`raw-new-${n++}`, JSON.stringify(inboxDoc(n))), { iterations: 1000 });
  const sdkInsert = await timeOp(() => inbox.add(inboxDoc(n++)), { iterations: 1000 });
  rows.push(summarise(group, 'insert `add(doc)` (synchronous=FULL)', sdkInsert, { baseline: { name: 'INSERT', median: summarise('', '', baseInsert).median } }));

  await db.createCollection('bench_counter');
  await db.collection('bench_counter').add({ _id: 'c', left: 1_000_000_000 });
  insertRaw.run('counter', JSON.stringify({ left: 1_000_000_000 }));
  const rawUpdate = raw.prepare(`UPDATE t SET doc = json_set(doc, '$.left', json_extract(doc, '$.left') - 1), ver = ver + 1 WHERE id = 'counter' AND json_extract(doc, '$.left') > 0`);
  const baseUpdate = await timeOp(() => rawUpdate.run(), { iterations: 2000 });
  const updateStarted = Date.now();
  const sdkUpdate = await timeOp(() => db.collection('bench_counter').where({ _id: 'c', left: _.gt(0) }).update({ left: _.inc(-1) }), { iterations: 4000, concurrency: 200, warmup: 0 });
  const updatesPerSecond = Math.round(4000 / ((Date.now() - updateStarted) / 1000));
  rows.push(
    summarise(group, 'conditional update, 200 concurrent callers', sdkUpdate, {
      baseline: { name: 'UPDATE … WHERE (serial)', median: summarise('', '', baseUpdate).median },
      note: `${updatesPerSecond} updates/s; latency is mostly queueing behind 199 other callers (client and server share 2 cores)`,
    }),
  );
  raw.close();

  const fnGroup = 'Function calls over the local HTTP face';
  const client = await Client.signIn(ctx.cloud.url, 'demo-resident');
  const me = await timeOp(() => client.call('account', 'account.me', {}, null), { iterations: 500 });
  rows.push(summarise(fnGroup, '`account.me` (auth, rate limit, user + grants + regions)', me, { baseline: { name: 'emulator point read', median: summarise('', '', sdkRead).median } }));
  const tree = await timeOp(() => client.call('regions', 'regions.tree', {}, null), { iterations: 500 });
  rows.push(summarise(fnGroup, '`regions.tree`', tree));
  return rows;
}
