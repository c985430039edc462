/**
 * The volunteers function over the HTTP face, told as one story on one cloud: registration
 * (checksums, minors, consent, masking), hours from attendance confirmed by the leader,
 * self-reports, corrections as reversal + new record, withdrawing, and no plaintext ID or phone
 * number anywhere on disk. Why it also holds credits, console and one signups case: those tests
 * read the state this story writes (the store's redemptions, the hours, the audit entries, the
 * minor registered in the first test), so they cannot run on a cloud of their own without
 * repeating it. Proofs are in proofs.http.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CreditsMineOutput, RedemptionView, StoreItemView } from '../../src/shared/schemas/credits';
import type { HourRecordView, VolunteerProfile } from '../../src/shared/schemas/volunteers';
import { cloudPerFile } from '../support/cloudPerFile';
import { snapshotDatabase } from '../support/dbSnapshot';
import { createActivity, createAttendance, createGroup, grantRole, type Db } from '../support/fixtures';
import { Client, dataOf as data, type RunningCloud } from '../support/localCloud';
import { idFor, registerVolunteer as register, residentOf } from '../support/volunteers';

let cloud: RunningCloud;
let db: Db;
// Not quiet: the log lines are checked for personal data below.
cloudPerFile((started) => ({ cloud, db } = started), { env: { LINLI_QUIET: '0' } });

const resident = (openid: string, communityId?: string) => residentOf(cloud.url, openid, communityId);

test('registration checks the ID checksum, consent and a guardian for minors; data is masked to others', async () => {
  const wang = await resident('vol-wang');
  const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users']);
  const wrong = idFor('19580313').slice(0, 17) + (idFor('19580313').endsWith('1') ? '2' : '1');
  const bad = await wang.call('volunteers', 'volunteers.register', { realName: '王秀英', idType: 'mainland_id', idNumber: wrong, sensitiveConsent: true });
  expect([bad.status, !bad.body.ok && bad.body.error.issues]).toEqual([400, [{ path: 'idNumber', message: '身份证号校验位不正确，请核对' }]]);
  const noConsent = await wang.call('volunteers', 'volunteers.register', { realName: '王秀英', idType: 'mainland_id', idNumber: idFor('19580313') });
  expect(!noConsent.body.ok && noConsent.body.error.issues?.[0]?.path).toBe('sensitiveConsent');
  const child = await resident('vol-child');
  const minor = await child.call('volunteers', 'volunteers.register', { realName: '李小明', idType: 'mainland_id', idNumber: idFor('20150601'), sensitiveConsent: true });
  expect([minor.status, !minor.body.ok && minor.body.error.issues?.[0]?.path]).toEqual([400, 'guardian']);
  expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users'])).toBe(before);

  const withGuardian = await data<VolunteerProfile>(
    child.call('volunteers', 'volunteers.register', {
      realName: '李小明', idType: 'mainland_id', idNumber: idFor('20150601'), sensitiveConsent: true,
      guardian: { name: '李建国', relation: '父亲', phone: '13900001111', consent: true },
    }),
  );
  expect(withGuardian).toMatchObject({ isMinor: true, guardian: { name: '李建国', relation: '父亲', phone: '13900001111' } });

  const profile = await register(wang, idFor('19580313'));
  expect(profile).toMatchObject({ realName: '王秀英', idNumber: idFor('19580313'), phone: '13812345678', masked: false, isMinor: false, stars: 0 });
  expect(profile.volunteerNo).toMatch(/^V\d{10}$/);
  const twice = await wang.call('volunteers', 'volunteers.register', { realName: '王秀英', idType: 'mainland_id', idNumber: idFor('19580313'), sensitiveConsent: true });
  expect(twice.status).toBe(409);
  const thief = await resident('vol-thief');
  const sameId = await thief.call('volunteers', 'volunteers.register', { realName: '冒名者', idType: 'mainland_id', idNumber: idFor('19580313'), sensitiveConsent: true });
  expect([sameId.status, !sameId.body.ok && sameId.body.error.message]).toEqual([409, '该证件号已登记为志愿者']);

  // Staff of her community see everything; staff elsewhere see it masked.
  const committee = await Client.signIn(cloud.url, 'demo-committee');
  expect(await data(committee.call('volunteers', 'volunteers.get', { volunteerNo: profile.volunteerNo }, null))).toMatchObject({ idNumber: idFor('19580313'), masked: false });
  await Client.signIn(cloud.url, 'vol-far-staff');
  await grantRole(db, 'vol-far-staff', 'committee', 'cm-taoyuan');
  const far = await Client.signIn(cloud.url, 'vol-far-staff');
  const masked = await data<VolunteerProfile>(far.call('volunteers', 'volunteers.get', { volunteerNo: profile.volunteerNo }, null));
  expect(masked).toMatchObject({ realName: '王**', idNumber: '110105********' + idFor('19580313').slice(-4), phone: '138****5678', masked: true });
});

test('a minor volunteer signs up only with a guardian\'s consent to the activity, and never below its minimum age', async () => {
  const child = await Client.signIn(cloud.url, 'vol-child'); // registered above: born 2015, guardian on file
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

test('attendance becomes hours when the leader confirms; credits are paid once; corrections reverse and replace', async () => {
  const groupId = await createGroup(db, { leader: 'vol-leader', members: ['vol-a', 'vol-b', 'vol-c'] });
  const activityId = await createActivity(db, groupId, 'vol-leader', { startsInHours: -3, volunteer: { plannedHours: 2, creditsPerHour: 10 } });
  const a = await resident('vol-a');
  const b = await resident('vol-b');
  await register(a, idFor('19700101', '231'));
  await register(b, idFor('19800101', '232'));
  const sa = await createAttendance(db, activityId, 'vol-a', 10, 70); // one hour
  const sb = await createAttendance(db, activityId, 'vol-b', 0, null); // forgot to check out
  const sc = await createAttendance(db, activityId, 'vol-c', 0, 60); // not a registered volunteer
  const leader = await Client.signIn(cloud.url, 'vol-leader');
  const sheet = await data<{ rows: Array<{ signupId: string; proposedMinutes: number; missingCheckout: boolean }> }>(leader.call('volunteers', 'hours.activity', { activityId }, null));
  const rows = new Map(sheet.rows.map((r) => [r.signupId, r]));
  expect(rows.get(sa)).toMatchObject({ proposedMinutes: 60, missingCheckout: false });
  expect(rows.get(sb)).toMatchObject({ proposedMinutes: 120, missingCheckout: true }); // capped at the scheduled end

  // A member who is not a leader cannot confirm.
  expect((await a.call('volunteers', 'hours.confirm', { activityId, items: [{ signupId: sa }] })).status).toBe(404);
  const requestId = leader.nextRequestId();
  const items = [{ signupId: sa }, { signupId: sb, minutes: 90 }, { signupId: sc }];
  const first = await data(leader.call('volunteers', 'hours.confirm', { activityId, items }, requestId));
  expect(first).toEqual({ confirmed: 2, already: 0, skipped: [{ signupId: sc, reason: 'not_volunteer' }], credits: 10 + 15 });
  // The same request replays; a new request finds everything already recorded.
  expect(await data(leader.call('volunteers', 'hours.confirm', { activityId, items }, requestId))).toEqual(first);
  expect(await data(leader.call('volunteers', 'hours.confirm', { activityId, items }))).toMatchObject({ confirmed: 0, already: 2, credits: 0 });

  expect((await data<CreditsMineOutput>(a.call('credits', 'credits.mine', {}, null))).balance).toBe(10);
  const bCredits = await data<CreditsMineOutput>(b.call('credits', 'credits.mine', {}, null));
  expect(bCredits.balance).toBe(15);
  expect(bCredits.entries.items[0]).toMatchObject({ amount: 15, kind: 'earned' });
  const hours = await data<{ totalMinutes: number; records: { items: HourRecordView[] } }>(b.call('volunteers', 'hours.mine', {}, null));
  expect(hours.totalMinutes).toBe(90);
  expect(hours.records.items[0]).toMatchObject({ source: 'leader_entry', state: 'confirmed', minutes: 90, credits: 15 });

  // b asks to correct 90 → 120 minutes; the leader applies it: a reversal and a new record.
  const recordId = hours.records.items[0]!.id;
  const { correctionId } = await data<{ correctionId: string }>(b.call('volunteers', 'hours.requestCorrection', { recordId, minutes: 120, reason: '我一直服务到活动结束' }));
  expect((await b.call('volunteers', 'hours.requestCorrection', { recordId, minutes: 100, reason: '再申请一次更正' })).status).toBe(409);
  expect((await b.call('volunteers', 'hours.reviewCorrection', { correctionId, approve: true })).status).toBe(404);
  const queue = await data<{ items: Array<{ kind: string; id: string }> }>(leader.call('volunteers', 'hours.queue', {}, null));
  expect(queue.items).toContainEqual(expect.objectContaining({ kind: 'correction', id: correctionId }));
  expect(await data(leader.call('volunteers', 'hours.reviewCorrection', { correctionId, approve: true }))).toEqual({ state: 'applied' });
  const after = await data<{ totalMinutes: number; records: { items: HourRecordView[] } }>(b.call('volunteers', 'hours.mine', {}, null));
  expect(after.totalMinutes).toBe(120);
  expect(after.records.items.map((r) => [r.source, r.minutes]).sort()).toEqual([['correction', 120], ['leader_entry', 90], ['reversal', -90]]);
  expect((await data<CreditsMineOutput>(b.call('credits', 'credits.mine', {}, null))).balance).toBe(20);
});

test('self-reported service with a photo waits for a leader; nobody approves their own', async () => {
  const groupId = await createGroup(db, { leader: 'vol-sr-leader', members: ['vol-sr'] });
  const volunteer = await resident('vol-sr');
  await register(volunteer, idFor('19900101', '551'));
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const input = { groupId, serviceDate: today, minutes: 45, content: '帮独居老人买菜送药', evidence: 'cloud://local/uploads/a/b.jpg' };
  for (const [field, value] of [['minutes', -5], ['minutes', 1441], ['serviceDate', '2999-01-01']] as const) {
    const bad = await volunteer.call('volunteers', 'hours.selfReport', { ...input, [field]: value });
    expect([bad.status, !bad.body.ok && bad.body.error.issues?.[0]?.path]).toEqual([400, field]);
  }
  const record = await data<HourRecordView>(volunteer.call('volunteers', 'hours.selfReport', input));
  expect(record).toMatchObject({ state: 'pending', source: 'self_report', minutes: 45 });
  expect((await volunteer.call('volunteers', 'hours.review', { recordId: record.id, approve: true })).status).toBe(404);
  const leader = await Client.signIn(cloud.url, 'vol-sr-leader');
  expect((await leader.call('volunteers', 'hours.review', { recordId: record.id, approve: false })).status).toBe(400);
  expect(await data(leader.call('volunteers', 'hours.review', { recordId: record.id, approve: true }))).toEqual({ state: 'confirmed' });
  expect((await leader.call('volunteers', 'hours.review', { recordId: record.id, approve: true })).status).toBe(409);
  // 45 minutes at the default 10 credits an hour.
  expect((await data<CreditsMineOutput>(volunteer.call('credits', 'credits.mine', {}, null))).balance).toBe(8);
});

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

test('withdrawing pseudonymises the volunteer; records and the ledger stay whole', async () => {
  const leaving = await resident('vol-leaving');
  const profile = await register(leaving, idFor('19750707', '991'));
  expect(await data(leaving.call('volunteers', 'volunteers.withdraw', { confirm: true }))).toEqual({ withdrawn: true });
  expect(await data(leaving.call('volunteers', 'volunteers.me', {}, null))).toEqual({ profile: null });
  const committee = await Client.signIn(cloud.url, 'demo-committee');
  expect(await data(committee.call('volunteers', 'volunteers.get', { volunteerNo: profile.volunteerNo }, null))).toMatchObject({ realName: '已注销志愿者', idNumber: null, phone: null, status: 'withdrawn' });
  // The same person may register again and keeps the number.
  expect((await register(leaving, idFor('19750707', '991'))).volunteerNo).toBe(profile.volunteerNo);
});

test('no plaintext ID or phone number is stored in any database file or written to the log', async () => {
  const secretId = idFor('19620909', '424');
  const secretPhone = '13698765432';
  const c = await resident('vol-secret');
  await data(c.call('volunteers', 'volunteers.register', { realName: '赵秘', idType: 'mainland_id', idNumber: secretId, phone: secretPhone, emergencyContact: { name: '赵某', phone: '13711112222' }, sensitiveConsent: true }));
  await data(c.call('volunteers', 'volunteers.me', {}, null));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.isFile()) files.push(join(dir, entry.name)); // not the emulator's socket
    }
  };
  walk(cloud.dataDir);
  expect(files.some((f) => f.endsWith('.sqlite') || f.endsWith('.db'))).toBe(true);
  for (const file of files) {
    const bytes = readFileSync(file).toString('latin1');
    for (const secret of [secretId, secretPhone, '13711112222']) expect(bytes.includes(secret) ? `${file} holds ${secret}` : null).toBeNull();
  }
  for (const secret of [secretId, secretPhone]) expect(cloud.output().includes(secret)).toBe(false);
});

test('the community dashboard counts confirmed hours, credits issued and redeemed, and the review backlog', async () => {
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

test('staff work on hours, the store and settings is in the audit log', async () => {
  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const log = await data<{ items: Array<{ action: string; targetType: string }> }>(committee.call('console', 'audit.search', { regionId: 'cm-beiyuan', limit: 50 }, null));
  const actions = new Set(log.items.map((e) => `${e.action}:${e.targetType}`));
  for (const expected of ['hours.review:hour_record', 'hours.reviewCorrection:correction', 'store.saveItem:store_item', 'store.fulfil:redemption', 'volunteer.read:user']) {
    expect([expected, actions.has(expected)]).toEqual([expected, true]);
  }
});

test('a committee sees its community\'s own movements: issued, redeemed, refunded; others see nothing', async () => {
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
