/** Concurrent calls through the function runtime: one user per openid, one execution per requestId. */
import { snapshotDatabase } from '../support/dbSnapshot';
import { Client, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

let cloud: RunningCloud;
beforeAll(async () => {
  cloud = await startCloud();
});
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

test('20 simultaneous first calls of a new openid create exactly one user', async () => {
  const session = await fetch(`${cloud.url}/api/dev/session`, { method: 'POST', body: JSON.stringify({ openid: 'race-newcomer' }) });
  const { token } = (await session.json()) as { token: string };
  const client = new Client(cloud.url, token, 'race-newcomer');
  const replies = await Promise.all(Array.from({ length: 20 }, () => client.call<{ account: { id: string } }>('account', 'account.me', {}, null)));
  const ids = new Set(replies.map((r) => (r.body.ok ? r.body.data.account.id : 'error')));
  expect([...ids]).toHaveLength(1);
  expect(ids.has('error')).toBe(false);
});

test('20 simultaneous retries of one requestId run the command once and all get its result', async () => {
  const client = await Client.signIn(cloud.url, 'race-retrier');
  const requestId = client.nextRequestId();
  const replies = await Promise.all(
    Array.from({ length: 20 }, () => client.call('account', 'account.updateProfile', { nickname: '并发', homeCommunityId: 'cm-nanhu' }, requestId)),
  );
  for (const reply of replies) expect(reply).toEqual(replies[0]);
  expect(replies[0]!.status).toBe(200);
  // One execution means one write to the user document: its version moved by exactly one.
  const versions = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits']);
  const again = await client.call('account', 'account.updateProfile', { nickname: '并发', homeCommunityId: 'cm-nanhu' }, requestId);
  expect(again).toEqual(replies[0]);
  expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits'])).toBe(versions);
});

test('the write rate limit answers RATE_LIMITED and the rejected calls write nothing', async () => {
  const client = await Client.signIn(cloud.url, 'race-spammer');
  let accepted = 0;
  let limited: Awaited<ReturnType<typeof client.call>> | undefined;
  // 60 writes a minute pass; windows are aligned to the minute, so at most two windows' worth.
  for (let i = 0; i < 125 && !limited; i += 1) {
    const reply = await client.call('account', 'account.updateProfile', { nickname: `第${i}次` });
    if (reply.body.ok) accepted += 1;
    else limited = reply;
  }
  expect(limited).toEqual({ status: 429, body: { ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试', reason: 'request.too_frequent' } } });
  expect(accepted).toBeGreaterThanOrEqual(60);
  const before = snapshotDatabase(cloud.dataDir, ['rate_limits']);
  const again = await client.call('account', 'account.updateProfile', { nickname: '再来' });
  if (!again.body.ok) expect(snapshotDatabase(cloud.dataDir, ['rate_limits'])).toBe(before);
});
