/**
 * CloudBase's limits kept by the local cloud (docs/limits.md): one call at a time per function
 * instance with instances started on demand up to a count and calls queued beyond it; each
 * function's timeout; 6 MB requests; at most 50 files per temporary-URL or delete request; and
 * the storage port splitting longer lists into batches of 50.
 *
 * Slow calls are made deterministic with the test-only holds (LINLI_TEST_HOLDS=1): a held call
 * waits inside its instance until released; /api/health counts them, and the tests wait for
 * those counts, never for time.
 */
import tcb from '@cloudbase/node-sdk';
import { fileStore } from '../../cloudfunctions/_core/ports/storage';
import { findGroups } from '../../cloudfunctions/_core/repositories/groups';
import { nicknamesOf } from '../../cloudfunctions/_core/repositories/users';
import { Client, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

interface PoolState {
  fn: string;
  instances: number;
  busy: number;
  queued: number;
  held: number;
  calls: number;
}

interface Health {
  instanceMode: string;
  functions: PoolState[];
  database: { requestsAnswered: number };
}

async function health(cloud: RunningCloud): Promise<Health> {
  return (await (await fetch(`${cloud.url}/api/health`)).json()) as Health;
}

async function poolOf(cloud: RunningCloud, fn: string): Promise<PoolState | undefined> {
  return (await health(cloud)).functions.find((pool) => pool.fn === fn);
}

/** Waits until `fn`'s instances match `expected` (a condition, asked again until it holds). */
async function untilPool(cloud: RunningCloud, fn: string, expected: Partial<PoolState>): Promise<PoolState> {
  for (;;) {
    const pool = await poolOf(cloud, fn);
    if (pool && Object.entries(expected).every(([key, value]) => pool[key as keyof PoolState] === value)) return pool;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function post(cloud: RunningCloud, path: string, body: unknown): Promise<number> {
  return (await fetch(`${cloud.url}${path}`, { method: 'POST', body: JSON.stringify(body) })).status;
}

describe('under CloudBase’s model (the default)', () => {
  let cloud: RunningCloud;
  beforeAll(async () => {
    cloud = await startCloud({ env: { LINLI_TEST_HOLDS: '1', LINLI_INSTANCES_PER_FUNCTION: '2' } });
  }, 120_000);
  afterAll(async () => {
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  });

  test('is the default mode, and a function has no instance before its first call', async () => {
    const state = await health(cloud);
    expect(state.instanceMode).toBe('cloudbase');
    expect(state.functions.find((pool) => pool.fn === 'groups')).toBeUndefined();
  });

  test('one call at a time per instance: two slow calls run on two instances; with the most instances busy, the next call waits', async () => {
    const resident = await Client.signIn(cloud.url, 'limits-resident', '限制测试');
    // The sign-in ran on an account instance, now idle.
    expect(await poolOf(cloud, 'account')).toMatchObject({ instances: 1, busy: 0, queued: 0 });
    expect(await post(cloud, '/api/dev/holds', { fn: 'account', action: 'account.me' })).toBe(200);

    const first = resident.call('account', 'account.me', {}, null);
    const second = resident.call('account', 'account.me', {}, null);
    // Both held at once: each in an instance of its own (a second one started for it).
    await untilPool(cloud, 'account', { instances: 2, busy: 2, held: 2, queued: 0 });

    // The limit is two: a third call queues instead of starting a third instance or sharing one.
    const third = resident.call('account', 'account.me', {}, null);
    await untilPool(cloud, 'account', { instances: 2, busy: 2, held: 2, queued: 1 });
    // Another function is not held up by account's queue: its own instance answers.
    expect((await resident.call('regions', 'regions.tree', {}, null)).status).toBe(200);

    expect(await post(cloud, '/api/dev/holds/release', {})).toBe(200);
    const replies = await Promise.all([first, second, third]);
    for (const reply of replies) expect(reply).toMatchObject({ status: 200, body: { ok: true, data: { account: { nickname: '限制测试' } } } });
    expect(await untilPool(cloud, 'account', { busy: 0, queued: 0, held: 0 })).toMatchObject({ instances: 2 });
  });

  test('a request over 6 MB is refused as CloudBase refuses it, before any instance runs; 6 MB and under reach the function', async () => {
    const resident = await Client.signIn(cloud.url, 'limits-payload');
    const callsBefore = (await poolOf(cloud, 'account'))!.calls;
    const big = JSON.stringify({ action: 'account.updateProfile', input: { nickname: 'x'.repeat(6 * 1024 * 1024) }, requestId: resident.nextRequestId() });
    const refused = await resident.raw('account', big);
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' }, code: 'EXCEED_MAX_PAYLOAD_SIZE' });
    expect((await poolOf(cloud, 'account'))!.calls).toBe(callsBefore);

    // Just under the limit: the function runs and its schema refuses the nickname; nothing changed.
    const under = JSON.stringify({ action: 'account.updateProfile', input: { nickname: 'x'.repeat(5 * 1024 * 1024) }, requestId: resident.nextRequestId() });
    expect(await resident.raw('account', under)).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
    expect((await poolOf(cloud, 'account'))!.calls).toBe(callsBefore + 1);
  });

  test('getTempFileURL and deleteFile take at most 50 files per request, as CloudBase does', async () => {
    const app = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${cloud.url}/tcb/admin` });
    const { fileID } = await app.uploadFile({ cloudPath: 'limits/one.txt', fileContent: Buffer.from('一') });
    const fifty = Array.from({ length: 50 }, () => fileID!);
    const answered = await app.getTempFileURL({ fileList: fifty });
    expect(answered.fileList).toHaveLength(50);
    await expect(app.getTempFileURL({ fileList: [...fifty, fileID!] })).rejects.toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('一次最多 50 个文件（收到 51 个）') });
    await expect(app.deleteFile({ fileList: [...fifty, fileID!] })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    // The refused delete removed nothing.
    expect((await app.getTempFileURL({ fileList: [fileID!] })).fileList[0]).toMatchObject({ code: 'SUCCESS' });
  });

  /** Points `_core`'s SDK in this process at the cloud's emulator, as the function host configures it. */
  function coreAgainstCloud(): void {
    process.env.TENCENTCLOUD = 'true';
    process.env.SILENCE = 'true';
    process.env.TCB_ENV = 'local';
    process.env.TCB_SERVICE_URL = `${cloud.url}/tcb/admin`;
    process.env.LINLI_PLATFORM = 'local';
  }

  test('the emulator returns at most 1,000 documents per query, and lookups by more ids than that read them all', async () => {
    coreAgainstCloud();
    const db = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${cloud.url}/tcb/admin` }).database();
    const ids = Array.from({ length: 1200 }, (_, i) => `limits-user-${String(i).padStart(4, '0')}`);
    for (let start = 0; start < ids.length; start += 400) {
      await db.collection('users').add(ids.slice(start, start + 400).map((_id, k) => ({ _id, nickname: `居民${start + k}` })));
    }
    const asked = await db.collection('users').where({ _id: db.command.in(ids) }).limit(1000).get();
    expect(asked.data).toHaveLength(1000);
    const names = await nicknamesOf(ids);
    expect(names.size).toBe(1200);
    expect(names.get('limits-user-1199')).toBe('居民1199');
    expect(await findGroups([...ids, 'g-beiyuan-taiji'])).toEqual([expect.objectContaining({ _id: 'g-beiyuan-taiji' })]);
  });

  test('the storage port asks for 120 files in three requests of at most 50, and deletes them the same way', async () => {
    coreAgainstCloud();
    const ids: string[] = [];
    for (let i = 0; i < 120; i += 1) ids.push(await fileStore().upload(`limits/batch/${i}.txt`, Buffer.from(`文件 ${i}`)));
    const before = (await health(cloud)).database.requestsAnswered;
    // The same file twice on a page is asked for once.
    const urls = await fileStore().temporaryUrls([...ids, ids[7]!]);
    expect((await health(cloud)).database.requestsAnswered - before).toBe(3);
    expect(urls.size).toBe(120);
    for (const i of [0, 49, 50, 99, 100, 119]) {
      const response = await fetch(encodeURI(urls.get(ids[i]!)!));
      expect(await response.text()).toBe(`文件 ${i}`);
    }
    const beforeRemove = (await health(cloud)).database.requestsAnswered;
    await fileStore().remove(ids);
    expect((await health(cloud)).database.requestsAnswered - beforeRemove).toBe(3);
    expect((await fileStore().temporaryUrls(ids)).size).toBe(0);
  });
});

describe('a call past its function’s timeout', () => {
  let cloud: RunningCloud;
  beforeAll(async () => {
    // Every function's timeout set to 2 s for this cloud (config.json says 10): the held call outlives it.
    cloud = await startCloud({ env: { LINLI_TEST_HOLDS: '1', LINLI_INSTANCES_PER_FUNCTION: '1', LINLI_FUNCTION_TIMEOUT_SECONDS: '2' } });
  }, 120_000);
  afterAll(async () => {
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  });

  test('fails as on CloudBase (FUNCTIONS_TIME_LIMIT_EXCEEDED), and its instance is replaced, never reused with the call stuck in it', async () => {
    const resident = await Client.signIn(cloud.url, 'limits-timeout');
    expect(await post(cloud, '/api/dev/holds', { fn: 'account', action: 'account.me' })).toBe(200);
    const stuck = resident.call('account', 'account.me', {}, null);
    await untilPool(cloud, 'account', { instances: 1, held: 1 });
    // With one instance allowed, the next call waits behind the stuck one.
    const next = resident.call('account', 'account.updateProfile', { nickname: '超时之后' });
    await untilPool(cloud, 'account', { queued: 1 });

    const timedOut = await stuck;
    expect(timedOut.status).toBe(504);
    expect(timedOut.body).toMatchObject({ ok: false, error: { code: 'INTERNAL' }, code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED', message: 'Invoking task timed out after 2 seconds' });
    // The waiting call ran on a fresh instance (the stuck one was stopped with its call).
    expect(await next).toMatchObject({ status: 200, body: { ok: true, data: { account: { nickname: '超时之后' } } } });
    expect(await untilPool(cloud, 'account', { busy: 0, queued: 0 })).toMatchObject({ instances: 1, held: 0 });
    await post(cloud, '/api/dev/holds/release', {});
    expect((await resident.call('account', 'account.me', {}, null)).status).toBe(200);
  });
});
