/**
 * The credit ledger under pressure: 1,000 parallel redemptions against a balance that covers
 * 100 (exactly 100 succeed, nothing oversold or overdrawn, the ledger sums); duplicate
 * confirmations of the same attendance credit once; kill -9 of the local cloud in the middle of
 * a bulk confirmation loses nothing acknowledged and, re-run, credits every record exactly once.
 */
import tcb from '@cloudbase/node-sdk';
import { mainlandCheckChar } from '../../src/shared/identity/idNumber';
import { createActivity, createAttendance, createGroup, databaseOf, type Db } from '../support/fixtures';
import { Client, dataOf, freshDataDir, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

jest.setTimeout(300_000);
process.env.TENCENTCLOUD = 'true';
process.env.SILENCE = 'true';

const idFor = (n: number) => {
  const first17 = `1101051980${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(100 + (n % 900)).padStart(3, '0')}`;
  return `${first17}${mainlandCheckChar(first17)}`;
};

interface Entry { accountId: string; postingId: string; amount: number }
interface Account { _id: string; kind: string; balance: number }

/** Every document of a collection, a thousand at a time by id (keyset paging). */
async function everything<T>(db: Db, collection: string): Promise<T[]> {
  const all: T[] = [];
  for (let after = ''; ; ) {
    const { data } = await db.collection(collection).where({ _id: db.command.gt(after) }).orderBy('_id', 'asc').limit(1000).get();
    all.push(...(data as T[]));
    if (data.length < 1000) return all;
    after = (data[data.length - 1] as { _id: string })._id;
  }
}

/** Every posting balances, the whole ledger sums to zero, every balance is the sum of its entries, no holding account is negative. */
async function expectLedgerConsistent(db: Db): Promise<void> {
  const entries = await everything<Entry>(db, 'ledger_entries');
  const accounts = await everything<Account>(db, 'ledger_accounts');
  expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe(0);
  const byPosting = new Map<string, number>();
  const byAccount = new Map<string, number>();
  for (const e of entries) {
    byPosting.set(e.postingId, (byPosting.get(e.postingId) ?? 0) + e.amount);
    byAccount.set(e.accountId, (byAccount.get(e.accountId) ?? 0) + e.amount);
  }
  expect([...byPosting.values()].filter((sum) => sum !== 0)).toEqual([]);
  for (const account of accounts) {
    expect([account._id, account.balance]).toEqual([account._id, byAccount.get(account._id) ?? 0]);
    if (account.kind !== 'issuance') expect(account.balance).toBeGreaterThanOrEqual(0);
  }
}

describe('on one local cloud', () => {
  let cloud: RunningCloud;
  let db: Db;
  beforeAll(async () => {
    cloud = await startCloud();
    db = databaseOf(cloud);
  });
  afterAll(async () => {
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  });

  test('1,000 parallel redemptions against a balance that covers 100: exactly 100 succeed and the ledger sums', async () => {
    // Through the commands in-process (the HTTP face would rate-limit one person's 1,000 taps).
    process.env.TCB_ENV = 'local';
    process.env.TCB_SERVICE_URL = `${cloud.url}/tcb/admin`;
    process.env.LINLI_PLATFORM = 'local';
    const { resolveActor } = await import('../../cloudfunctions/_core/pipeline/actor');
    const { redeem } = await import('../../cloudfunctions/_core/commands/credits/redeem');
    const { saveItem } = await import('../../cloudfunctions/_core/commands/credits/saveItem');
    const { grantCredits } = await import('../../cloudfunctions/_core/commands/credits/grant');
    const shopper = await Client.signIn(cloud.url, 'ledger-shopper');
    await dataOf(shopper.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' }));
    const profile = await dataOf<{ volunteerNo: string }>(
      shopper.call('volunteers', 'volunteers.register', { realName: '钱多多', idType: 'mainland_id', idNumber: idFor(1), sensitiveConsent: true }),
    );
    const committee = await resolveActor('demo-committee');
    const now = new Date();
    await grantCredits(committee, { volunteerNo: profile.volunteerNo, amount: 500, reason: '年度优秀志愿者', source: 'issuance' }, 'grant-ledger-0001', now);
    const items = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        saveItem(committee, { communityId: 'cm-beiyuan', name: `物品${i}`, description: '', image: null, cost: 5, stock: 1000, perPersonLimit: 100, active: true }, `item-ledger-${i}0000`, now),
      ),
    );
    const actor = await resolveActor('ledger-shopper');
    const outcomes = await Promise.all(
      Array.from({ length: 1000 }, (_, n) =>
        redeem(actor, items[n % 10]!.id, `redeem-ledger-${n}-0000`, new Date()).then(
          () => 'ok',
          (error: { code?: string }) => error.code ?? 'THROWN',
        ),
      ),
    );
    const counts = outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
    expect(counts.ok).toBe(100);
    expect(counts.INSUFFICIENT_CREDITS).toBe(900);
    const { data: account } = await db.collection('ledger_accounts').doc(`res-${actor.userId}`).get();
    expect(account[0]).toMatchObject({ balance: 0 });
    const redemptions = await everything<{ state: string; pickupCode: string }>(db, 'redemptions');
    expect(redemptions.filter((r) => r.state === 'pending')).toHaveLength(100);
    expect(new Set(redemptions.map((r) => r.pickupCode)).size).toBe(redemptions.length);
    const ids = new Set(items.map((i) => i.id));
    const stock = (await everything<{ _id: string; stock: number }>(db, 'store_items')).filter((i) => ids.has(i._id)).reduce((sum, i) => sum + i.stock, 0);
    expect(stock).toBe(10 * 1000 - 100);
    await expectLedgerConsistent(db);
  });

  test('twenty leaders confirming the same attendance at once credit it exactly once', async () => {
    const leaders = Array.from({ length: 20 }, (_, i) => `ledger-co-${i}`);
    const groupId = await createGroup(db, { leader: 'ledger-lead', coLeaders: leaders, members: ['ledger-vol'] });
    const activityId = await createActivity(db, groupId, 'ledger-lead', { startsInHours: -3, volunteer: { plannedHours: 2, creditsPerHour: 12 } });
    const vol = await Client.signIn(cloud.url, 'ledger-vol');
    await dataOf(vol.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' }));
    await dataOf(vol.call('volunteers', 'volunteers.register', { realName: '孙一次', idType: 'mainland_id', idNumber: idFor(2), sensitiveConsent: true }));
    const signupId = await createAttendance(db, activityId, 'ledger-vol', 0, 120);
    const clients = await Promise.all(leaders.map((id) => Client.signIn(cloud.url, id)));
    const results = await Promise.all(clients.map((c) => dataOf<{ confirmed: number; already: number }>(c.call('volunteers', 'hours.confirm', { activityId, items: [{ signupId }] }))));
    expect(results.reduce((sum, r) => sum + r.confirmed, 0)).toBe(1);
    expect(results.reduce((sum, r) => sum + r.already, 0)).toBe(19);
    expect((await dataOf<{ balance: number }>(vol.call('credits', 'credits.mine', {}, null))).balance).toBe(24);
    await expectLedgerConsistent(db);
  });
});

test('kill -9 in the middle of a bulk confirmation: after a restart every record is credited exactly once', async () => {
  const dataDir = freshDataDir();
  try {
    const first = await startCloud({ dataDir });
    const db = databaseOf(first);
    const volunteers = Array.from({ length: 60 }, (_, i) => `crash-vol-${i}`);
    const groupId = await createGroup(db, { leader: 'crash-leader', members: volunteers });
    const activityId = await createActivity(db, groupId, 'crash-leader', { capacity: 60, startsInHours: -3, volunteer: { plannedHours: 2, creditsPerHour: 6 } });
    const signupIds: string[] = [];
    for (const [i, openid] of volunteers.entries()) {
      const c = await Client.signIn(first.url, openid);
      await dataOf(c.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' }));
      await dataOf(c.call('volunteers', 'volunteers.register', { realName: '周志愿', idType: 'mainland_id', idNumber: idFor(100 + i), sensitiveConsent: true }));
      signupIds.push(await createAttendance(db, activityId, openid, 0, 60));
    }
    const leader = await Client.signIn(first.url, 'crash-leader');
    const pending = leader.call('volunteers', 'hours.confirm', { activityId, items: signupIds.map((signupId) => ({ signupId })) }).catch(() => null);
    // Kill once some records are in, before the command can finish.
    // The SDK's timeout bounds a reply that never comes (a killed cloud fails the connection at
    // once); 5 s was within reach of a write's fsync on a loaded CI machine.
    const raw = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${first.url}/tcb/admin`, timeout: 30_000 }).database();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { total } = await raw.collection('hour_records').where({ activityId }).count();
      if ((total ?? 0) >= 5) break;
      if (Date.now() > deadline) throw new Error(`no hour records appeared:\n${first.output().slice(-3000)}`);
    }
    first.child.kill('SIGKILL');
    await pending;
    await first.stop();

    const second = await startCloud({ dataDir });
    try {
      const db2 = databaseOf(second);
      const before = (await everything<{ activityId: string }>(db2, 'hour_records')).filter((r) => r.activityId === activityId).length;
      expect(before).toBeGreaterThanOrEqual(5);
      await expectLedgerConsistent(db2);
      const again = await Client.signIn(second.url, 'crash-leader');
      const rerun = await dataOf<{ confirmed: number; already: number }>(again.call('volunteers', 'hours.confirm', { activityId, items: signupIds.map((signupId) => ({ signupId })) }));
      expect(rerun.confirmed + rerun.already).toBe(60);
      expect(rerun.already).toBe(before);
      const records = (await everything<{ _id: string; activityId: string; credits: number }>(db2, 'hour_records')).filter((r) => r.activityId === activityId);
      expect(records).toHaveLength(60);
      const postings = new Set(records.map((r) => `earn-${r._id}`));
      const earned = (await everything<{ postingId: string; amount: number; accountId: string }>(db2, 'ledger_entries')).filter((e) => postings.has(e.postingId) && e.accountId.startsWith('res-'));
      expect(earned).toHaveLength(60);
      expect(earned.every((e) => e.amount === 6)).toBe(true);
      await expectLedgerConsistent(db2);
    } finally {
      await second.stop();
    }
  } finally {
    removeDataDir(dataDir);
  }
});
