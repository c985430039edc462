/**
 * kill -9 of the local cloud during a burst of writes loses no acknowledged write: every
 * document the SDK saw acknowledged, and every profile change a function acknowledged, is
 * there after a restart on the same data folder.
 */
import tcb from '@cloudbase/node-sdk';
import { Client, removeDataDir, startCloud, freshDataDir } from '../support/localCloud';

process.env.TENCENTCLOUD = 'true';
process.env.SILENCE = 'true';

const dataDir = freshDataDir();
afterAll(() => removeDataDir(dataDir));

test('acknowledged writes survive kill -9 of the local cloud', async () => {
  const first = await startCloud({ dataDir });
  // The SDK's timeout bounds a reply that never comes (a killed cloud fails the connection at
  // once); 5 s was within reach of a write's fsync on a loaded CI machine.
  const app = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${first.url}/tcb/admin`, timeout: 30_000 });
  const db = app.database();
  await db.createCollection('crash_burst');
  const users = await Promise.all(Array.from({ length: 12 }, (_, i) => Client.signIn(first.url, `crash-user-${i}`)));

  const acknowledgedIds: string[] = [];
  const lastAcked = new Map<string, string>();
  const inFlight = new Map<string, string>();
  let stop = false;

  // Writers run until the process dies under them; errors after the kill are expected.
  const sdkWriters = Array.from({ length: 8 }, async (_, w) => {
    for (let n = 0; !stop; n += 1) {
      try {
        const { id } = (await db.collection('crash_burst').add({ writer: w, n, at: new Date() })) as { id: string };
        acknowledgedIds.push(id);
      } catch {
        return;
      }
    }
  });
  const functionWriters = users.map(async (user) => {
    for (let n = 0; !stop && n < 50; n += 1) {
      const nickname = `写${n}`;
      inFlight.set(user.openid!, nickname);
      try {
        const { body } = await user.call('account', 'account.updateProfile', { nickname });
        if (body.ok) lastAcked.set(user.openid!, nickname);
      } catch {
        return;
      }
    }
  });

  // Kill in the middle of the burst: once enough writes are acknowledged (awaited, not slept
  // for, so a busy machine does not turn this into a test of speed).
  const burstStarted = Date.now();
  while (!(acknowledgedIds.length > 50 && lastAcked.size > 0) && Date.now() - burstStarted < 30_000) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await first.stop('SIGKILL');
  stop = true;
  await Promise.all([...sdkWriters, ...functionWriters]);
  expect(acknowledgedIds.length).toBeGreaterThan(50);
  expect(lastAcked.size).toBeGreaterThan(0);

  const second = await startCloud({ dataDir });
  try {
    const again = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${second.url}/tcb/admin` }).database();
    const _ = again.command;
    const found = new Set<string>();
    for (let i = 0; i < acknowledgedIds.length; i += 500) {
      const batch = acknowledgedIds.slice(i, i + 500);
      const { data } = await again.collection('crash_burst').where({ _id: _.in(batch) }).limit(1000).field({ _id: true }).get();
      for (const doc of data as Array<{ _id: string }>) found.add(doc._id);
    }
    expect(acknowledgedIds.filter((id) => !found.has(id))).toEqual([]);

    for (const [openid, nickname] of lastAcked) {
      const user = await Client.signIn(second.url, openid);
      const { body } = await user.call<{ account: { nickname: string } }>('account', 'account.me', {}, null);
      const now = body.ok ? body.data.account.nickname : '(error)';
      // The write in flight at the kill may or may not have landed; the acknowledged one must have.
      expect([nickname, inFlight.get(openid)]).toContain(now);
      const ackedNumber = Number(nickname.slice(1));
      expect(Number(now.slice(1))).toBeGreaterThanOrEqual(ackedNumber);
    }
  } finally {
    await second.stop();
  }
});
