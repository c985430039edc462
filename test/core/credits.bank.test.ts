/**
 * The credit bank in-process against the emulator: time-bank transfers and donations only
 * where the community turned it on, and expiry by the timer — oldest credits first, refunds
 * undoing spending, nothing expiring twice, the ledger summing throughout.
 */
import { randomBytes } from 'node:crypto';
import { donateCredits } from '../../cloudfunctions/_core/commands/credits/donate';
import { expireCredits } from '../../cloudfunctions/_core/commands/credits/expire';
import { expiringAmount } from '../../cloudfunctions/_core/commands/credits/expiry';
import { grantCredits } from '../../cloudfunctions/_core/commands/credits/grant';
import { myCredits } from '../../cloudfunctions/_core/commands/credits/mine';
import { transferCredits } from '../../cloudfunctions/_core/commands/credits/transfer';
import { updateSettings } from '../../cloudfunctions/_core/commands/credits/updateSettings';
import { registerVolunteer } from '../../cloudfunctions/_core/commands/volunteers/register';
import type { EntryDoc } from '../../cloudfunctions/_core/ledger/posting';
import { resolveActor, type Actor } from '../../cloudfunctions/_core/pipeline/actor';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { updateUser } from '../../cloudfunctions/_core/repositories/users';
import { mainlandCheckChar } from '../../src/shared/identity/idNumber';
import { startCloudForCore } from '../support/coreAgainstCloud';

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
beforeAll(async () => {
  process.env.LINLI_DATA_KEY = randomBytes(32).toString('base64');
  cloud = await startCloudForCore();
});
afterAll(async () => cloud.close());

const YEAR = 365 * 24 * 3600_000;
const entry = (amount: number, kind: EntryDoc['kind'], expiresAt: Date | null = null) => ({ amount, kind, expiresAt }) as EntryDoc;

test('expiring amounts spend the oldest credits first and refunds undo spending', () => {
  const cutoff = new Date('2029-01-01T00:00:00Z');
  const old = new Date('2028-06-01T00:00:00Z');
  const later = new Date('2030-06-01T00:00:00Z');
  expect(expiringAmount([entry(100, 'earned', old)], cutoff)).toBe(100);
  expect(expiringAmount([entry(100, 'earned', old), entry(-40, 'redeemed')], cutoff)).toBe(60);
  expect(expiringAmount([entry(100, 'earned', old), entry(-40, 'redeemed'), entry(40, 'refunded')], cutoff)).toBe(100);
  expect(expiringAmount([entry(30, 'earned', old), entry(50, 'earned', later), entry(-45, 'redeemed')], cutoff)).toBe(0);
  expect(expiringAmount([entry(50, 'earned', later)], cutoff)).toBe(0);
});

async function volunteer(openid: string, seq: string): Promise<Actor> {
  const first = await resolveActor(openid);
  await updateUser(first.userId, { homeCommunityId: 'cm-beiyuan' });
  const actor = await resolveActor(openid);
  const first17 = `1101051988020${seq}`.padEnd(17, '1');
  return Object.assign(actor, { profile: await registerVolunteer(actor, { realName: '测试者', idType: 'mainland_id', idNumber: `${first17}${mainlandCheckChar(first17)}`, skills: [], sensitiveConsent: true }, new Date()) });
}

async function sums(): Promise<number> {
  const { data } = await database().collection('ledger_entries').limit(1000).get();
  return (data as EntryDoc[]).reduce((sum, e) => sum + e.amount, 0);
}

test('transfers need time-bank mode; credits expire after the configured years, once', async () => {
  const a = (await volunteer('cb-a', '11')) as Actor & { profile: { volunteerNo: string } };
  const b = (await volunteer('cb-b', '12')) as Actor & { profile: { volunteerNo: string } };
  const committee = await resolveActor('demo-committee');
  const t0 = new Date();
  await grantCredits(committee, { volunteerNo: a.profile.volunteerNo, amount: 100, reason: '年度表彰', source: 'issuance' }, 'cb-grant-0001', t0);

  await expect(transferCredits(a, b.profile.volunteerNo, 30, '谢谢帮忙', 'cb-xfer-0001', t0)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await expect(updateSettings(a, { communityId: 'cm-beiyuan', timeBank: true }, 'cb-set-0000', t0)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await updateSettings(committee, { communityId: 'cm-beiyuan', timeBank: true }, 'cb-set-0001', t0);
  expect(await transferCredits(a, b.profile.volunteerNo, 30, '谢谢帮忙', 'cb-xfer-0001', t0)).toEqual({ balance: 70 });
  // The same request again moves nothing.
  expect(await transferCredits(a, b.profile.volunteerNo, 30, '谢谢帮忙', 'cb-xfer-0001', t0)).toEqual({ balance: 70 });
  await expect(transferCredits(a, b.profile.volunteerNo, 71, undefined, 'cb-xfer-0002', t0)).rejects.toMatchObject({ code: 'INSUFFICIENT_CREDITS' });
  expect(await donateCredits(a, 10, 'cb-dona-0001', t0)).toEqual({ balance: 60 });

  // Nothing is due before three years have passed.
  expect(await expireCredits(new Date(t0.getTime() + 2 * YEAR))).toEqual({ accounts: 0, credits: 0 });
  const due = new Date(t0.getTime() + 3 * YEAR + 7 * 24 * 3600_000);
  // The demo seed's volunteer earned credits too; hers lapse in the same run.
  const seeded = (await myCredits(await resolveActor('demo-resident'), 0, 1, due)).balance;
  const expired = await expireCredits(due);
  expect(expired.credits).toBe(60 + 30 + seeded);
  expect((await myCredits(a, 0, 20, due)).balance).toBe(0);
  expect((await myCredits(b, 0, 20, due)).entries.items[0]).toMatchObject({ amount: -30, kind: 'expired' });
  expect(await expireCredits(new Date(due.getTime() + YEAR))).toEqual({ accounts: 0, credits: 0 });
  expect(await sums()).toBe(0);
});
