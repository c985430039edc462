/**
 * The credits function over the HTTP face: the points store (stock, per-person limits, balance,
 * refunds, fulfilment by pickup code) and a committee's view of its community's movements. Each
 * test earns the credits it spends on a cloud of this file's own (moved from
 * volunteers.http.test.ts, issue 17, so that neither reads what another test wrote).
 */
import type { CreditsMineOutput, RedemptionView, StoreItemView } from '../../src/shared/schemas/credits';
import { cloudPerFile } from '../support/cloudPerFile';
import { createActivity, createAttendance, createGroup, grantRole, type Db } from '../support/fixtures';
import { Client, dataOf as data, type RunningCloud } from '../support/localCloud';
import { idFor, registerVolunteer as register, residentOf, volunteerWithCredits } from '../support/volunteers';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

const resident = (openid: string, communityId?: string) => residentOf(cloud.url, openid, communityId);

test('the points store checks stock, limits and balance; cancelling refunds; staff fulfil by code', async () => {
  const groupId = await createGroup(db, { leader: 'vol-st-leader', members: ['vol-st'] });
  const activityId = await createActivity(db, groupId, 'vol-st-leader', { startsInHours: -3, volunteer: { plannedHours: 2, creditsPerHour: 30 } });
  const shopper = await resident('vol-st');
  await register(shopper, idFor('19850505', '771'));
  const signupId = await createAttendance(db, activityId, 'vol-st', 0, 120);
  await data(Client.signIn(cloud.url, 'vol-st-leader').then((l) => l.call('volunteers', 'hours.confirm', { activityId, items: [{ signupId }] })));
  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const item = await data<StoreItemView>(committee.call('credits', 'store.saveItem', { communityId: 'cm-beiyuan', name: '环保购物袋', cost: 25, stock: 3, perPersonLimit: 2 }));
  expect((await shopper.call('credits', 'store.saveItem', { communityId: 'cm-beiyuan', name: '自己上架', cost: 1, stock: 1, perPersonLimit: 1 })).status).toBe(403);

  const first = await data<RedemptionView>(shopper.call('credits', 'store.redeem', { itemId: item.id }));
  expect(first).toMatchObject({ state: 'pending', cost: 25 });
  expect(first.pickupCode).toMatch(/^\d{8}$/);
  const outsider = await resident('vol-st-outsider', 'cm-nanhu');
  const foreign = await outsider.call('credits', 'store.redeem', { itemId: item.id });
  expect([foreign.status, !foreign.body.ok && foreign.body.error.message]).toEqual([403, '只有本社区的居民可以兑换这件物品']);
  await data(shopper.call('credits', 'store.redeem', { itemId: item.id }));
  const limit = await shopper.call('credits', 'store.redeem', { itemId: item.id });
  expect([limit.status, !limit.body.ok && limit.body.error.code]).toEqual([409, 'LIMIT_REACHED']);
  expect((await data<CreditsMineOutput>(shopper.call('credits', 'credits.mine', {}, null))).balance).toBe(10);

  const cancelled = await data<RedemptionView>(shopper.call('credits', 'store.cancel', { redemptionId: first.id }));
  expect(cancelled.state).toBe('cancelled');
  expect((await data<CreditsMineOutput>(shopper.call('credits', 'credits.mine', {}, null))).balance).toBe(35);
  const third = await data<RedemptionView>(shopper.call('credits', 'store.redeem', { itemId: item.id }));
  const short = await shopper.call('credits', 'store.redeem', { itemId: item.id });
  expect(!short.body.ok && short.body.error.code).toBe('LIMIT_REACHED');
  const fulfilled = await data<RedemptionView>(committee.call('credits', 'store.fulfil', { communityId: 'cm-beiyuan', pickupCode: third.pickupCode }));
  expect(fulfilled.state).toBe('fulfilled');
  expect((await committee.call('credits', 'store.fulfil', { communityId: 'cm-beiyuan', pickupCode: third.pickupCode })).status).toBe(409);
  expect((await shopper.call('credits', 'store.cancel', { redemptionId: third.id })).status).toBe(409);
  const pool = await data<{ store: number; issued: number }>(committee.call('credits', 'credits.pool', { communityId: 'cm-beiyuan' }, null));
  expect(pool.store).toBeGreaterThanOrEqual(50);
});

test('a committee sees its community\'s own movements: issued, redeemed, refunded; others see nothing', async () => {
  // Its own movements: vol-a earns credits (issued), redeems a bag (redeemed) and cancels it (refunded).
  const { volunteer } = await volunteerWithCredits(cloud.url, db, { volunteer: 'vol-a', leader: 'vol-leader', idNumber: idFor('19700101', '231'), creditsPerHour: 10 });
  const staff = await Client.signIn(cloud.url, 'demo-committee');
  const bag = await data<StoreItemView>(staff.call('credits', 'store.saveItem', { communityId: 'cm-beiyuan', name: '环保购物袋', cost: 5, stock: 3, perPersonLimit: 2 }));
  const redeemed = await data<RedemptionView>(volunteer.call('credits', 'store.redeem', { itemId: bag.id }));
  await data(volunteer.call('credits', 'store.cancel', { redemptionId: redeemed.id }));
  // A committee member of another community (桃园).
  await Client.signIn(cloud.url, 'vol-far-staff');
  await grantRole(db, 'vol-far-staff', 'committee', 'cm-taoyuan');

  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const page = await data<{ items: Array<{ account: string; kind: string; amount: number }>; total: number }>(
    committee.call('credits', 'credits.postings', { communityId: 'cm-beiyuan', limit: 50 }, null),
  );
  expect(page.total).toBeGreaterThan(0);
  const seen = new Set(page.items.map((e) => `${e.account}:${e.kind}:${Math.sign(e.amount)}`));
  for (const expected of ['issuance:earned:-1', 'store:redeemed:1', 'store:refunded:-1']) expect([expected, seen.has(expected)]).toEqual([expected, true]);
  const far = await Client.signIn(cloud.url, 'vol-far-staff');
  expect((await far.call('credits', 'credits.postings', { communityId: 'cm-beiyuan' }, null)).status).toBe(403);
  const resident = await Client.signIn(cloud.url, 'vol-a');
  expect((await resident.call('credits', 'credits.postings', { communityId: 'cm-beiyuan' }, null)).status).toBe(403);
});
