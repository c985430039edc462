/** The local cloud process: start, stop on signals, what it exposes and what it never does. */
import type { IncomingMessage } from 'node:http';
import { isLoopback } from '../../cloudfunctions/_local/host/http';
import type { CreditsMineOutput } from '../../src/shared/schemas/credits';
import { Client, dataOf, healthOf, removeDataDir, startCloud } from '../support/localCloud';

test('nothing is answered from a half-seeded database: 503 with Retry-After until every start-up step is done', async () => {
  // Held before the seed's last step, the one that writes 王阿姨's volunteer hours and credits.
  const cloud = await startCloud({ pauseSeedAt: 'volunteers' });
  try {
    expect(await healthOf(cloud.url)).toMatchObject({ status: 503, retryAfter: '1', body: { ready: false, starting: { phase: 'seed', step: 'volunteers' } } });
    // A sign-in as her now would read (and create) data the seed has not finished: it is turned away.
    const session = await fetch(`${cloud.url}/api/dev/session`, { method: 'POST', body: '{"openid":"demo-resident"}' });
    expect(session.status).toBe(503);
    expect(session.headers.get('retry-after')).toBe('1');
    expect(await session.json()).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    // Function calls too, before authentication, and the database endpoint itself.
    expect(await Client.anonymous(cloud.url).call('account', 'account.me', {}, null)).toMatchObject({ status: 503, body: { ok: false, error: { code: 'UNAVAILABLE' } } });
    expect((await fetch(`${cloud.url}/tcb/admin`, { method: 'POST', body: '{}' })).status).toBe(503);
    // The contract is static: it answers whatever the state of the data.
    expect((await fetch(`${cloud.url}/api/contract`)).status).toBe(200);
    // The URL to open is printed only once the cloud is ready.
    expect(cloud.output()).not.toContain('open:');

    cloud.resume();
    await cloud.untilReady();
    expect(await healthOf(cloud.url)).toMatchObject({ status: 200, body: { ready: true } });
    // The first answer sees the whole seed, its last step included.
    const resident = await Client.signIn(cloud.url, 'demo-resident');
    expect((await dataOf<CreditsMineOutput>(resident.call('credits', 'credits.mine', {}, null))).balance).toBeGreaterThan(0);
  } finally {
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  }
});

test('stops cleanly on SIGTERM and SIGINT, keeping its data', async () => {
  const cloud = await startCloud();
  const client = await Client.signIn(cloud.url, 'stop-user');
  await client.call('account', 'account.updateProfile', { nickname: '停机测试' });
  expect(await cloud.stop('SIGTERM')).toBe(0);
  const again = await startCloud({ dataDir: cloud.dataDir });
  const back = await Client.signIn(again.url, 'stop-user');
  const me = await back.call<{ account: { nickname: string } }>('account', 'account.me', {}, null);
  expect(me.body.ok && me.body.data.account.nickname).toBe('停机测试');
  expect(await again.stop('SIGINT')).toBe(0);
  removeDataDir(cloud.dataDir);
});

test('with dev sessions off there is no way to sign in, and no call is authenticated', async () => {
  const cloud = await startCloud({ env: { LINLI_DEV_SESSIONS: '0' } });
  try {
    const session = await fetch(`${cloud.url}/api/dev/session`, { method: 'POST', body: '{"openid":"demo-county"}' });
    expect(session.status).toBe(404);
    const call = await Client.anonymous(cloud.url).call('account', 'account.me', {}, null);
    expect(call.status).toBe(401);
  } finally {
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  }
});

test('the database endpoint answers only loopback callers', () => {
  const from = (remoteAddress: string) => ({ socket: { remoteAddress } }) as unknown as IncomingMessage;
  for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(isLoopback(from(address))).toBe(true);
  for (const address of ['192.0.2.2', '10.0.0.5', '::ffff:192.168.1.4', 'fd00::2', '']) expect(isLoopback(from(address))).toBe(false);
});

test('every call writes one structured log line with a request id and no input', async () => {
  const cloud = await startCloud({ env: { LINLI_QUIET: '0' } });
  try {
    const client = await Client.signIn(cloud.url, 'log-user');
    await client.call('account', 'account.updateProfile', { nickname: '日志里不应出现' });
    await Client.anonymous(cloud.url).call('account', 'account.me', {}, null);
    const lines = cloud
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const update = lines.find((l) => l.action === 'account.updateProfile')!;
    expect(update).toMatchObject({ fn: 'account', code: 'OK', level: 'info' });
    expect(typeof update.requestId).toBe('string');
    expect(typeof update.ms).toBe('number');
    expect(lines.find((l) => l.code === 'UNAUTHENTICATED')).toMatchObject({ actor: null, action: 'account.me' });
    expect(cloud.output()).not.toContain('日志里不应出现');
  } finally {
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  }
});

test('H5 image uploads: signed-in users only, images only, stored as a cloud file id', async () => {
  const cloud = await startCloud();
  try {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const anonymous = await fetch(`${cloud.url}/api/files`, { method: 'POST', body: png });
    expect(anonymous.status).toBe(401);
    const user = await Client.signIn(cloud.url, 'upload-user');
    const headers = { authorization: `Bearer ${user.token}` };
    const text = await fetch(`${cloud.url}/api/files`, { method: 'POST', headers, body: 'hello' });
    expect(text.status).toBe(400);
    const uploaded = (await (await fetch(`${cloud.url}/api/files?kind=posts`, { method: 'POST', headers, body: png })).json()) as { data: { fileID: string } };
    expect(uploaded.data.fileID).toMatch(/^cloud:\/\/local\.linli\/posts\/[0-9a-f]{16}\/[0-9a-f]{24}\.png$/);
  } finally {
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  }
});

test('shared mode: client calls spread over function instances on worker threads, each answered once and to its own caller', async () => {
  const cloud = await startCloud({ env: { LINLI_INSTANCE_MODE: 'shared', LINLI_FUNCTION_INSTANCES: '2' } });
  try {
    // Ready means every instance is up: the worker threads are listed from the first answer on.
    const health = async () => (await healthOf(cloud.url)).body;
    expect((await health()).functionInstances!.map((s) => s.instance)).toEqual(['main', 'worker-1', 'worker-2']);
    const clients = await Promise.all(Array.from({ length: 20 }, (_, i) => Client.signIn(cloud.url, `inst-${i}`)));
    const requestsBefore = (await health()).database!.requestsAnswered;
    const replies = await Promise.all(
      clients.flatMap((client, i) => Array.from({ length: 5 }, (_, k) => client.call<{ account: { nickname: string } }>('account', 'account.updateProfile', { nickname: `居民${i}-${k}` }))),
    );
    expect(replies.every((r) => r.status === 200)).toBe(true);
    // Every reply belongs to the call that asked: caller i only ever sees her own nicknames.
    replies.forEach((reply, n) => expect(reply.body.ok && reply.body.data.account.nickname).toMatch(new RegExp(`^居民${Math.floor(n / 5)}-`)));
    const served = (await health()).functionInstances!;
    expect(served.map((s) => s.instance)).toEqual(['main', 'worker-1', 'worker-2']);
    expect(served.filter((s) => s.calls > 0).length).toBeGreaterThan(1);
    expect(served.reduce((sum, s) => sum + s.calls, 0)).toBeGreaterThanOrEqual(100);
    // Each profile update counts the call and marks its request id (one write) and changes the user;
    // the replies stored for replay may share inserts.
    expect((await health()).database!.requestsAnswered - requestsBefore).toBeGreaterThanOrEqual(200);
  } finally {
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  }
});
