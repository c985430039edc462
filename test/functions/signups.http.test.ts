/** Sign-ups over HTTP (the signups function): sign-up, waitlist and offers, cancellation, check-in, no-show limits, proxies, minors. */
import type { ActivityDetail } from '../../src/shared/schemas/activities';
import { activityInput, HOUR, inHours } from '../support/activityInput';
import { cloudPerFile } from '../support/cloudPerFile';
import { snapshotDatabase } from '../support/dbSnapshot';
import { createActivity, createGroup, type Db } from '../support/fixtures';
import { Client, dataOf as data, type RunningCloud } from '../support/localCloud';
import { idFor, registerVolunteer, residentOf } from '../support/volunteers';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));


test('a leader posts; residents sign up, the third is waitlisted, a cancellation offers the seat, she confirms', async () => {
  const leader = await Client.signIn(cloud.url, 'act-leader');
  const groupId = await createGroup(db, { leader: 'act-leader' });
  const created = await data<{ ids: string[]; first: ActivityDetail }>(leader.call('activities', 'activities.create', activityInput(groupId)));
  const activityId = created.ids[0]!;
  expect(created.first).toMatchObject({ capacity: 2, seatsLeft: 2, waitlistLength: 0, abilities: expect.arrayContaining(['activities.edit', 'signups.manage', 'checkin.show']) });

  const [a, b, c] = await Promise.all(['act-a', 'act-b', 'act-c'].map((id) => Client.signIn(cloud.url, id)));
  await a.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' });
  expect((await data<ActivityDetail>(a!.call('signups', 'signups.create', { activityId }))).mySignup).toMatchObject({ status: 'confirmed' });
  expect((await data<ActivityDetail>(b!.call('signups', 'signups.create', { activityId }))).mySignup).toMatchObject({ status: 'confirmed' });
  const waiting = await data<ActivityDetail>(c!.call('signups', 'signups.create', { activityId }));
  expect(waiting).toMatchObject({ seatsLeft: 0, waitlistLength: 1, mySignup: { status: 'waitlisted', waitlistPosition: 1 } });
  const mine = await data<{ items: Array<{ id: string; mySignup: { status: string; waitlistPosition: number | null } | null }> }>(c!.call('signups', 'signups.mine', {}, null));
  expect(mine.items.find((i) => i.id === activityId)?.mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  const twice = await a!.call('signups', 'signups.create', { activityId });
  expect([twice.status, !twice.body.ok && twice.body.error.message]).toEqual([409, '你已经报名了本次活动']);

  const listed = await data<{ items: Array<{ id: string; mySignup: { status: string } | null }> }>(a!.call('activities', 'activities.list', { volunteerOnly: true }, null));
  expect(listed.items.find((i) => i.id === activityId)).toMatchObject({ mySignup: { status: 'confirmed' } });

  await data(a!.call('signups', 'signups.cancel', { activityId }));
  const offered = await data<ActivityDetail>(c!.call('activities', 'activities.get', { activityId }, null));
  expect(offered.mySignup).toMatchObject({ status: 'offered' });
  const inbox = await data<{ items: Array<{ kind: string }>; unread: number }>(c!.call('inbox', 'inbox.list', {}, null));
  expect(inbox.items[0]).toMatchObject({ kind: 'seat_offer' });
  // Her own waitlist place is in the inbox too, before the offer.
  expect(inbox.items.map((item) => item.kind)).toEqual(['seat_offer', 'signup_waitlisted']);
  expect(inbox.unread).toBe(2);
  const confirmed = await data<ActivityDetail>(c!.call('signups', 'signups.confirmOffer', { activityId }));
  expect(confirmed).toMatchObject({ seatsLeft: 0, mySignup: { status: 'confirmed' } });
  expect(await data(c!.call('inbox', 'inbox.markRead', {}))).toEqual({ unread: 0 });

  const rosterList = await data<{ items: Array<{ status: string }>; counts: Record<string, number> }>(leader.call('signups', 'signups.roster', { activityId }, null));
  expect(rosterList.items.map((i) => i.status)).toEqual(['confirmed', 'confirmed']);
  expect(rosterList.counts).toMatchObject({ confirmed: 2, cancelled: 1, waitlisted: 0, offered: 0 });
  const others = await data<{ items: Array<{ status: string }> }>(leader.call('signups', 'signups.roster', { activityId, section: 'other' }, null));
  expect(others.items.map((i) => i.status)).toEqual(['cancelled']);
  expect((await a!.call('signups', 'signups.roster', { activityId }, null)).status).toBe(403);
});

test('signing up again while in line changes nothing; after cancelling, one rejoins at the end of the line', async () => {
  const leader = await Client.signIn(cloud.url, 'again-leader');
  const groupId = await createGroup(db, { leader: 'again-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { capacity: 1, volunteer: null })));
  const activityId = ids[0]!;
  const [a, b, c] = await Promise.all(['again-a', 'again-b', 'again-c'].map((id) => Client.signIn(cloud.url, id)));
  for (const client of [a, b, c]) await data(client!.call('signups', 'signups.create', { activityId }));
  // The activity's line counter is drawn and given back (its sequence skips a number); nothing else moves.
  const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'activities']);
  const twice = await b!.call('signups', 'signups.create', { activityId });
  expect([twice.status, !twice.body.ok && twice.body.error.message]).toEqual([409, '你已经报名了本次活动']);
  expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'activities'])).toBe(before);
  expect((await data<ActivityDetail>(b!.call('activities', 'activities.get', { activityId }, null))).waitlistLength).toBe(2);
  await data(b!.call('signups', 'signups.cancel', { activityId }));
  const back = await data<{ mySignup: { status: string; waitlistPosition: number | null }; waitlistLength: number }>(b!.call('signups', 'signups.create', { activityId }));
  expect(back).toMatchObject({ mySignup: { status: 'waitlisted', waitlistPosition: 2 }, waitlistLength: 2 });
  expect((await data<ActivityDetail>(c!.call('activities', 'activities.get', { activityId }, null))).mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
});

test('check-in with the rotating code, check-out capped at the end, hand marks and no-shows', async () => {
  const leader = await Client.signIn(cloud.url, 'chk-leader');
  const groupId = await createGroup(db, { leader: 'chk-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { startAt: inHours(0.5), endAt: inHours(2), capacity: 3 })));
  const activityId = ids[0]!;
  const [a, b] = await Promise.all(['chk-a', 'chk-b'].map((id) => Client.signIn(cloud.url, id)));
  await data(a!.call('signups', 'signups.create', { activityId }));
  await data(b!.call('signups', 'signups.create', { activityId }));
  expect((await a!.call('signups', 'checkin.code', { activityId }, null)).status).toBe(403);
  const code = await data<{ code: string; qr: string; payload: string }>(leader.call('signups', 'checkin.code', { activityId }, null));
  expect(code.code).toMatch(/^\d{6}$/);
  expect(code.qr.startsWith('data:image/png;base64,')).toBe(true);
  expect(code.payload).toContain(`scene=${activityId.slice(0, 25)}.${code.code}`);
  const wrong = await a!.call('signups', 'checkin.scan', { activityId, code: code.code === '000000' ? '111111' : '000000', direction: 'in' });
  expect(wrong.status).toBe(400);
  const checkedIn = await data<ActivityDetail>(a!.call('signups', 'checkin.scan', { activityId, code: code.code, direction: 'in' }));
  expect(checkedIn.mySignup?.checkedInAt).not.toBeNull();
  const outsider = await Client.signIn(cloud.url, 'chk-outsider');
  expect((await outsider.call('signups', 'checkin.scan', { activityId, code: code.code, direction: 'in' })).status).toBe(404);
  const bId = (await data<{ items: Array<{ userId: string; nickname: string; status: string }> }>(leader.call('signups', 'signups.roster', { activityId }, null))).items[1]!.userId;
  const marked = await data<{ entry: { status: string } }>(leader.call('signups', 'signups.mark', { activityId, userId: bId, mark: 'no_show' }));
  expect(marked.entry.status).toBe('no_show');
  // The person's user document remembers the mark, so her next sign-ups count no-shows again.
  const { data: marks } = await db.collection('users').doc(bId).get();
  expect((marks[0] as { lastNoShowAt: Date | null }).lastNoShowAt).toBeInstanceOf(Date);
});

test('a resident who reached the group no-show limit cannot sign up for a while', async () => {
  const leader = await Client.signIn(cloud.url, 'ns-leader');
  const groupId = await createGroup(db, { leader: 'ns-leader' });
  await db.collection('groups').doc(groupId).update({ noShowLimit: 2 });
  const resident = await Client.signIn(cloud.url, 'ns-resident');
  const userId = (await data<{ account: { id: string } }>(resident.call('account', 'account.me', {}, null))).account.id;
  for (let i = 0; i < 2; i += 1) {
    await db.collection('signups').add({ activityId: `past-${i}`, groupId, userId, startAt: new Date(Date.now() - (i + 1) * 24 * HOUR), status: 'no_show', waitSeq: null, offerExpiresAt: null, proxy: null, guardianConsent: false, checkedInAt: null, checkedOutAt: null, createdAt: new Date(), updatedAt: new Date() });
  }
  const { ids: fresh } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId)));
  // Marks written behind the app's back are not counted until the user document notes one, as signups.mark does.
  await data(resident.call('signups', 'signups.create', { activityId: fresh[0] }));
  await db.collection('users').doc(userId).update({ lastNoShowAt: new Date() });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId)));
  const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users']);
  const blocked = await resident.call('signups', 'signups.create', { activityId: ids[0] });
  expect([blocked.status, !blocked.body.ok && blocked.body.error.code]).toEqual([409, 'SIGNUP_CLOSED']);
  expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users'])).toBe(before);
});

test('proxy sign-up needs the elder\'s consent, and the leader sees who signed her up', async () => {
  const leader = await Client.signIn(cloud.url, 'px-leader');
  const groupId = await createGroup(db, { leader: 'px-leader' });
  const { ids } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { capacity: 5 })));
  const activityId = ids[0]!;
  const daughter = await Client.signIn(cloud.url, 'px-daughter', '小芳');
  const grandma = await Client.signIn(cloud.url, 'px-grandma', '刘奶奶');
  const grandmaId = (await data<{ account: { id: string } }>(grandma.call('account', 'account.me', {}, null))).account.id;
  const refused = await daughter.call('signups', 'signups.create', { activityId, forUserId: grandmaId });
  expect(refused.status).toBe(404);
  const { code } = await data<{ code: string }>(daughter.call('signups', 'proxies.request', { relation: 'family' }));
  const consent = await data<{ actingForMe: Array<{ nickname: string }> }>(grandma.call('signups', 'proxies.accept', { code }));
  expect(consent.actingForMe).toEqual([expect.objectContaining({ nickname: '小芳', relation: 'family' })]);
  await data(daughter.call('signups', 'signups.create', { activityId, forUserId: grandmaId }));
  const seen = await data<ActivityDetail>(grandma.call('activities', 'activities.get', { activityId }, null));
  expect(seen.mySignup).toMatchObject({ status: 'confirmed', byProxy: { nickname: '小芳' } });
  const rosterList = await data<{ items: Array<{ nickname: string; proxy: unknown }> }>(leader.call('signups', 'signups.roster', { activityId }, null));
  expect(rosterList.items[0]).toMatchObject({ nickname: '刘奶奶', proxy: { nickname: '小芳', relation: 'family' } });
  // Grandma withdraws her consent: her daughter can no longer sign her up.
  const daughterId = (await data<{ account: { id: string } }>(daughter.call('account', 'account.me', {}, null))).account.id;
  expect(await data(grandma.call('signups', 'proxies.end', { userId: daughterId }))).toEqual({ canActFor: [], actingForMe: [] });
  const { ids: later } = await data<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { capacity: 5, title: '第二场活动' })));
  expect((await daughter.call('signups', 'signups.create', { activityId: later[0], forUserId: grandmaId })).status).toBe(404);
  expect((await grandma.call('signups', 'proxies.end', { userId: daughterId })).status).toBe(404);
});

test('a minor volunteer signs up only with a guardian\'s consent to the activity, and never below its minimum age', async () => {
  // A volunteer born in 2015 with her guardian on file (moved from volunteers.http.test.ts, issue 17: registered here).
  const child = await residentOf(cloud.url, 'vol-child');
  await registerVolunteer(child, idFor('20150601'), { realName: '李小明', guardian: { name: '李建国', relation: '父亲', phone: '13900001111', consent: true } });
  const groupId = await createGroup(db, { leader: 'vol-age-leader', members: ['vol-child'] });
  const activityId = await createActivity(db, groupId, 'vol-age-leader', { startsInHours: 30, volunteer: { plannedHours: 2, creditsPerHour: 10 } });
  const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users']);
  const unasked = await child.call('signups', 'signups.create', { activityId });
  expect([unasked.status, !unasked.body.ok && unasked.body.error.issues]).toEqual([400, [{ path: 'guardianConsent', message: '未满 18 周岁，报名需要监护人同意' }]]);
  expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users'])).toBe(before);
  expect((await data<{ mySignup: { status: string } }>(child.call('signups', 'signups.create', { activityId, guardianConsent: true }))).mySignup.status).toBe('confirmed');

  const teens = await createActivity(db, groupId, 'vol-age-leader', { startsInHours: 30, volunteer: { plannedHours: 2, creditsPerHour: 10 } });
  await db.collection('activities').doc(teens).update({ minAge: 14 });
  const tooYoung = await child.call('signups', 'signups.create', { activityId: teens, guardianConsent: true });
  expect([tooYoung.status, !tooYoung.body.ok && tooYoung.body.error.message]).toEqual([403, '本活动要求年满 14 周岁']);
});
