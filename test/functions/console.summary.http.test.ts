/**
 * The console function's community dashboard (`dashboard.summary`) over the HTTP face: confirmed
 * hours, credits issued and redeemed, and the hour-review backlog, against the documents behind
 * them. Its own cloud and its own volunteer (moved from volunteers.http.test.ts, issue 17): the
 * redeemed figure is exact, so no other test may redeem in 北苑 on this cloud.
 */
import type { HourRecordView } from '../../src/shared/schemas/volunteers';
import type { RedemptionView, StoreItemView } from '../../src/shared/schemas/credits';
import { cloudPerFile } from '../support/cloudPerFile';
import type { Db } from '../support/fixtures';
import { Client, dataOf as data, type RunningCloud } from '../support/localCloud';
import { idFor, volunteerWithCredits } from '../support/volunteers';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

/** 60 credits earned; two bags of 25 redeemed and kept, a third redeemed and cancelled; one self-report waiting. */
async function volunteeringInBeiyuan(): Promise<void> {
  const { volunteer, groupId } = await volunteerWithCredits(cloud.url, db, { volunteer: 'sum-vol', leader: 'sum-leader', idNumber: idFor('19850505', '771'), creditsPerHour: 30 });
  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const bag = await data<StoreItemView>(committee.call('credits', 'store.saveItem', { communityId: 'cm-beiyuan', name: '环保购物袋', cost: 25, stock: 3, perPersonLimit: 2 }));
  const first = await data<RedemptionView>(volunteer.call('credits', 'store.redeem', { itemId: bag.id }));
  await data(volunteer.call('credits', 'store.redeem', { itemId: bag.id }));
  await data(volunteer.call('credits', 'store.cancel', { redemptionId: first.id }));
  await data(volunteer.call('credits', 'store.redeem', { itemId: bag.id }));
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await data<HourRecordView>(volunteer.call('volunteers', 'hours.selfReport', { groupId, serviceDate: today, minutes: 45, content: '帮独居老人买菜送药', evidence: 'cloud://local/uploads/a/b.jpg' }));
}

test('the community dashboard counts confirmed hours, credits issued and redeemed, and the review backlog', async () => {
  await volunteeringInBeiyuan();
  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const board = await data<{ volunteerHours: number; credits: { issued: number; redeemed: number }; hourReviews: { pending: number; overdue: number } }>(
    committee.call('console', 'dashboard.summary', { regionId: 'cm-beiyuan' }, null),
  );
  const { data: records } = await db.collection('hour_records').where({ communityId: 'cm-beiyuan' }).limit(1000).get();
  const confirmed = (records as Array<{ state: string; minutes: number }>).filter((r) => r.state === 'confirmed');
  expect(board.volunteerHours).toBe(Math.round((confirmed.reduce((sum, r) => sum + r.minutes, 0) / 60) * 10) / 10);
  const { data: accounts } = await db.collection('ledger_accounts').where({ ownerId: 'cm-beiyuan' }).get();
  const balance = (kind: string) => (accounts as Array<{ kind: string; balance: number }>).find((a) => a.kind === kind)?.balance ?? 0;
  expect(board.credits).toEqual({ issued: -balance('issuance'), redeemed: balance('store') });
  expect(board.credits.redeemed).toBe(50); // two bags of 25 kept (one was cancelled and refunded)
  expect(board.hourReviews.pending).toBe((records as Array<{ state: string }>).filter((r) => r.state === 'pending').length);
});
