/**
 * The needs journey over the HTTP face (issue 18): a resident posts a need, a group of her
 * community takes it on, she accepts, the leader marks it done with a photo and the helpers'
 * minutes, she thanks and rates it, the helpers' hours wait in the review queue, and the leader's
 * confirmation lands hours and credits exactly once (retries and double confirms change nothing).
 */
import { userIdOf } from '../../cloudfunctions/_core/repositories/users';
import type { CreditsMineOutput } from '../../src/shared/schemas/credits';
import type { NeedView } from '../../src/shared/schemas/needs';
import { cloudPerFile } from '../support/cloudPerFile';
import { allDocsOf, grantRole, type Db } from '../support/fixtures';
import { Client, dataOf as data, type RunningCloud } from '../support/localCloud';
import { helpingGroup, needInput, postNeed, sweep, uploadPhoto, volunteerOf } from '../support/needs';
import { residentOf } from '../support/volunteers';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

interface HourDoc {
  _id: string;
  userId: string;
  minutes: number;
  state: string;
  source: string;
  groupId: string;
  credits: number;
}

test('resident posts, a group claims, she accepts, done with a photo, thanked; the leader confirms and hours and credits land once', async () => {
  const resident = await residentOf(cloud.url, 'nd-resident');
  const { groupId, leader } = await helpingGroup(cloud, db, 'nd-leader', ['nd-helper-a', 'nd-helper-b']);
  const [a, b] = [userIdOf('nd-helper-a'), userIdOf('nd-helper-b')];

  const posted = await postNeed(resident);
  expect(posted).toMatchObject({ state: 'open', category: 'errands', place: '北苑小区 3 栋 2 单元 501', phone: '13900001111', claimer: null, abilities: expect.arrayContaining(['needs.withdraw']) });
  // Sealed at rest: the stored document holds neither the address nor the phone in plain text.
  const [stored] = await allDocsOf<Record<string, unknown>>(db, 'needs', { _id: posted.id });
  expect(JSON.stringify(stored)).not.toMatch(/13900001111|3 栋 2 单元/);

  // The board shows it to the group's leader, without the address and phone.
  const board = await data<{ items: NeedView[] }>(leader.call('needs', 'needs.list', { communityId: 'cm-beiyuan' }, null));
  expect(board.items.find((n) => n.id === posted.id)).toMatchObject({ state: 'open', place: null, phone: null, abilities: ['needs.view', 'needs.claim'] });

  const claimed = await data<NeedView>(leader.call('needs', 'needs.claim', { needId: posted.id, groupId }));
  expect(claimed).toMatchObject({ state: 'claimed', claimer: { kind: 'group', id: groupId }, place: '北苑小区 3 栋 2 单元 501', phone: '13900001111' });
  const told = await allDocsOf<{ kind: string }>(db, 'inbox', { userId: userIdOf('nd-resident'), kind: 'need_claimed' });
  expect(told).toHaveLength(1);

  const accepted = await data<NeedView>(resident.call('needs', 'needs.confirm', { needId: posted.id, accept: true }));
  expect(accepted.state).toBe('accepted');

  const photo = await uploadPhoto(cloud, 'nd-journey');
  const done = await data<NeedView>(leader.call('needs', 'needs.done', { needId: posted.id, photo, helpers: [{ userId: a, minutes: 60 }, { userId: b, minutes: 90 }] }));
  expect(done).toMatchObject({ state: 'done', helpers: [{ minutes: 60 }, { minutes: 90 }] });
  // No hours before the resident answers.
  expect(await allDocsOf<HourDoc>(db, 'hour_records', { source: 'need' })).toHaveLength(0);

  const thankId = resident.nextRequestId();
  const thanked = await data<NeedView>(resident.call('needs', 'needs.thank', { needId: posted.id, rating: 5, words: '谢谢你们，药买到了' }, thankId));
  expect(thanked).toMatchObject({ state: 'thanked', rating: 5, thanks: '谢谢你们，药买到了' });
  // A retry of the same request replays; a new request is refused; neither records again.
  expect((await resident.call('needs', 'needs.thank', { needId: posted.id, rating: 5, words: '谢谢你们，药买到了' }, thankId)).body).toMatchObject({ ok: true });
  expect((await resident.call('needs', 'needs.thank', { needId: posted.id, rating: 4 })).status).toBe(409);

  const records = await allDocsOf<HourDoc>(db, 'hour_records', { source: 'need' });
  expect(records.map((r) => [r.userId, r.minutes, r.state, r.groupId, r.credits]).sort()).toEqual(
    [
      [a, 60, 'pending', groupId, 10],
      [b, 90, 'pending', groupId, 15],
    ].sort(),
  );

  // The leader's review queue holds them; the leader confirms each, a second confirm is refused.
  const queue = await data<{ items: Array<{ recordId: string }> }>(leader.call('volunteers', 'hours.queue', {}, null));
  expect(queue.items.map((i) => i.recordId).sort()).toEqual(records.map((r) => r._id).sort());
  const helperA = await Client.signIn(cloud.url, 'nd-helper-a');
  expect((await helperA.call('volunteers', 'hours.review', { recordId: records[0]!._id, approve: true })).status).toBe(404);
  for (const record of records) {
    expect(await data(leader.call('volunteers', 'hours.review', { recordId: record._id, approve: true }))).toEqual({ state: 'confirmed' });
    expect((await leader.call('volunteers', 'hours.review', { recordId: record._id, approve: true })).status).toBe(409);
  }
  expect((await data<CreditsMineOutput>(helperA.call('credits', 'credits.mine', {}, null))).balance).toBe(10);
  const helperB = await Client.signIn(cloud.url, 'nd-helper-b');
  expect((await data<CreditsMineOutput>(helperB.call('credits', 'credits.mine', {}, null))).balance).toBe(15);
  const earned = await allDocsOf<{ amount: number }>(db, 'ledger_entries', { ownerId: a, kind: 'earned' });
  expect(earned.map((e) => e.amount)).toEqual([10]);
  const confirmed = await allDocsOf<HourDoc>(db, 'hour_records', { source: 'need', state: 'confirmed' });
  expect(confirmed).toHaveLength(2);

  // The timer later finds nothing to close: the need was thanked.
  expect(await sweep(cloud)).toMatchObject({ closed: 0 });
  expect(await allDocsOf<HourDoc>(db, 'hour_records', { source: 'need' })).toHaveLength(2);
});

test("a volunteer's own claim: the committee of the need's community confirms; the timer closes a need nobody answered", async () => {
  const resident = await residentOf(cloud.url, 'nd-solo-resident');
  const volunteer = await volunteerOf(cloud, 'nd-solo-volunteer');
  const committee = await residentOf(cloud.url, 'nd-solo-committee');
  await grantRole(db, 'nd-solo-committee', 'committee', 'cm-beiyuan');
  const otherCommittee = await Client.signIn(cloud.url, 'nd-solo-other-committee');
  await grantRole(db, 'nd-solo-other-committee', 'committee', 'cm-taoyuan');
  const need = await postNeed(resident, { category: 'companionship', what: '周末陪老人聊聊天，下下象棋' });
  await data(volunteer.call('needs', 'needs.claim', { needId: need.id }));
  await data(resident.call('needs', 'needs.confirm', { needId: need.id, accept: true }));
  const photo = await uploadPhoto(cloud, 'nd-solo');
  const me = userIdOf('nd-solo-volunteer');
  // Her own claim: she is the only helper.
  expect((await volunteer.call('needs', 'needs.done', { needId: need.id, photo, helpers: [{ userId: me, minutes: 60 }, { userId: userIdOf('nd-solo-resident'), minutes: 60 }] })).status).toBe(400);
  await data(volunteer.call('needs', 'needs.done', { needId: need.id, photo, helpers: [{ userId: me, minutes: 120 }] }));

  // The resident never answers: a week on, the timer closes it and sends the hours to review once.
  await db.collection('needs').doc(need.id).update({ doneAt: new Date(Date.now() - 8 * 24 * 3600_000) });
  expect(await sweep(cloud)).toMatchObject({ closed: 1 });
  expect(await sweep(cloud)).toMatchObject({ closed: 0 });
  const [record] = await allDocsOf<HourDoc>(db, 'hour_records', { source: 'need', userId: me });
  // Her own claim: the community organised it, so the record names the community as organiser.
  expect(record).toMatchObject({ groupId: need.communityId, minutes: 120, state: 'pending', credits: 20 });
  expect((await data<NeedView>(resident.call('needs', 'needs.get', { needId: need.id }, null))).state).toBe('closed');

  expect((await otherCommittee.call('volunteers', 'hours.review', { recordId: record!._id, approve: true })).status).toBe(404);
  expect((await volunteer.call('volunteers', 'hours.review', { recordId: record!._id, approve: true })).status).toBe(404);
  const queue = await data<{ items: Array<{ recordId: string }> }>(committee.call('volunteers', 'hours.queue', {}, null));
  expect(queue.items.map((i) => i.recordId)).toContain(record!._id);
  expect(await data(committee.call('volunteers', 'hours.review', { recordId: record!._id, approve: true }))).toEqual({ state: 'confirmed' });
  expect((await committee.call('volunteers', 'hours.review', { recordId: record!._id, approve: true })).status).toBe(409);
  expect((await data<CreditsMineOutput>(volunteer.call('credits', 'credits.mine', {}, null))).balance).toBe(20);
  // Her record reads back in her own hour book (its organiser is a valid id).
  const mine = await data<{ totalMinutes: number }>(volunteer.call('volunteers', 'hours.mine', {}, null));
  expect(mine.totalMinutes).toBeGreaterThanOrEqual(120);
});

test('declining puts a need back on the board; the resident withdraws; the timer expires past needs and tells the committee of long-unclaimed ones once', async () => {
  const resident = await residentOf(cloud.url, 'nd-life-resident');
  const volunteer = await volunteerOf(cloud, 'nd-life-volunteer');
  const committee = await residentOf(cloud.url, 'nd-life-committee');
  await grantRole(db, 'nd-life-committee', 'committee', 'cm-beiyuan');

  const declined = await postNeed(resident, { what: '帮忙修一下漏水的水龙头', category: 'repairs' });
  await data(volunteer.call('needs', 'needs.claim', { needId: declined.id }));
  const reopened = await data<NeedView>(resident.call('needs', 'needs.confirm', { needId: declined.id, accept: false }));
  expect(reopened).toMatchObject({ state: 'open', claimer: null });
  const withdrawn = await data<NeedView>(resident.call('needs', 'needs.withdraw', { needId: declined.id }));
  expect(withdrawn.state).toBe('withdrawn');
  expect((await resident.call('needs', 'needs.withdraw', { needId: declined.id })).status).toBe(409);
  expect((await volunteer.call('needs', 'needs.claim', { needId: declined.id })).status).toBe(409);

  const longWaiting = await postNeed(resident, { what: '想请人教我用手机视频通话', category: 'tutoring' });
  const past = await postNeed(resident, { what: '帮忙取一下快递包裹', category: 'errands' });
  await db.collection('needs').doc(longWaiting.id).update({ createdAt: new Date(Date.now() - 3 * 24 * 3600_000) });
  await db.collection('needs').doc(past.id).update({ dueAt: new Date(Date.now() - 60_000) });
  expect(await sweep(cloud)).toMatchObject({ expired: 1, surfaced: 1 });
  expect(await sweep(cloud)).toMatchObject({ expired: 0, surfaced: 0 });
  expect((await data<NeedView>(resident.call('needs', 'needs.get', { needId: past.id }, null))).state).toBe('expired');
  const notices = await allDocsOf<{ kind: string }>(db, 'inbox', { userId: userIdOf('nd-life-committee'), kind: 'need_unclaimed' });
  expect(notices).toHaveLength(1);
  const queue = await data<{ items: NeedView[] }>(committee.call('needs', 'needs.queue', { communityId: 'cm-beiyuan' }, null));
  expect(queue.items.find((n) => n.id === longWaiting.id)).toMatchObject({ unclaimedLong: true, place: '北苑小区 3 栋 2 单元 501' });
  expect(queue.items.map((n) => n.id)).not.toContain(past.id);
  // Mine: the resident's needs, newest first, with their states.
  const mine = await data<{ items: NeedView[] }>(resident.call('needs', 'needs.mine', {}, null));
  expect(mine.items.map((n) => n.state).sort()).toEqual(['expired', 'open', 'withdrawn']);
  expect(needInput().what).toBeTruthy();
});

test('the time-bank offer board: only where the community has the time bank on; only the author withdraws', async () => {
  const author = await residentOf(cloud.url, 'nd-offer-author', 'cm-xinghua');
  const neighbour = await residentOf(cloud.url, 'nd-offer-neighbour', 'cm-xinghua');
  const off = await author.call('needs', 'needs.offerPost', { what: '周末可以帮邻居照看小孩两小时', category: 'companionship' });
  expect([off.status, off.body]).toMatchObject([404, { ok: false, error: { reason: 'needs.time_bank_off' } }]);
  expect((await neighbour.call('needs', 'needs.offers', {}, null)).status).toBe(404);

  await db.collection('community_settings').doc('cm-xinghua').set({ timeBank: true, updatedBy: 'test', updatedAt: new Date() });
  const offer = await data<{ id: string; mine: boolean; state: string }>(author.call('needs', 'needs.offerPost', { what: '周末可以帮邻居照看小孩两小时', category: 'companionship' }));
  expect(offer).toMatchObject({ mine: true, state: 'open' });
  const seen = await data<{ items: Array<{ id: string; mine: boolean; name: string }> }>(neighbour.call('needs', 'needs.offers', {}, null));
  expect(seen.items).toEqual([expect.objectContaining({ id: offer.id, mine: false })]);
  const stranger = await residentOf(cloud.url, 'nd-offer-stranger', 'cm-beiyuan');
  expect((await stranger.call('needs', 'needs.offers', { communityId: 'cm-xinghua' }, null)).status).toBe(404);
  expect((await neighbour.call('needs', 'needs.offerWithdraw', { offerId: offer.id })).status).toBe(404);
  expect(await data(author.call('needs', 'needs.offerWithdraw', { offerId: offer.id }))).toMatchObject({ state: 'withdrawn' });
  expect((await data<{ items: unknown[] }>(neighbour.call('needs', 'needs.offers', {}, null))).items).toEqual([]);
});

test("the dashboard counts the street's needs posted, claimed, fulfilled and overdue, by community and by month", async () => {
  const street = await residentOf(cloud.url, 'nd-dash-street');
  await grantRole(db, 'nd-dash-street', 'street', 'st-chengguan');
  const resident = await residentOf(cloud.url, 'nd-dash-resident');
  await postNeed(resident, { what: '仪表盘统计用的需求' });
  const all = await allDocsOf<{ communityId: string; state: string; streetId: string; dueAt: Date; createdAt: Date }>(db, 'needs', { streetId: 'st-chengguan' });
  const summary = await data<{ needs: { posted: number; claimed: number; fulfilled: number; overdue: number; byCommunity: Array<{ id: string; posted: number }>; byMonth: Array<{ month: string; posted: number }> } }>(
    street.call('console', 'dashboard.summary', { regionId: 'st-chengguan' }, null),
  );
  const now = Date.now();
  const count = (test: (n: (typeof all)[number]) => boolean) => all.filter(test).length;
  expect(summary.needs).toMatchObject({
    posted: all.length,
    claimed: count((n) => ['claimed', 'accepted', 'done', 'thanked', 'closed'].includes(n.state)),
    fulfilled: count((n) => ['done', 'thanked', 'closed'].includes(n.state)),
    overdue: count((n) => n.state === 'expired' || (['open', 'claimed', 'accepted'].includes(n.state) && new Date(n.dueAt).getTime() < now + 24 * 3600_000)),
  });
  expect(all.length).toBeGreaterThan(3);
  expect(summary.needs.byCommunity.find((c) => c.id === 'cm-beiyuan')?.posted).toBe(count((n) => n.communityId === 'cm-beiyuan'));
  expect(summary.needs.byMonth).toHaveLength(6);
  const thisMonth = new Date(now + 8 * 3600_000).toISOString().slice(0, 7);
  expect(summary.needs.byMonth[5]).toMatchObject({ month: thisMonth });
  // Needs were backdated by at most a few days in this file: they fall in this month or the one before.
  expect(summary.needs.byMonth[4]!.posted + summary.needs.byMonth[5]!.posted).toBe(all.length);
});
