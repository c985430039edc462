/**
 * The volunteers function over the HTTP face: registration (checksums, minors, consent, masking),
 * hours from attendance confirmed by the leader, self-reports, corrections as reversal + new
 * record, withdrawing, and no plaintext ID or phone number anywhere on disk. Each test sets up
 * what it reads. The points store and postings are in credits.store.http.test.ts, the dashboard
 * and audit log in console.summary / console.audit, a minor's sign-up in signups.http.test.ts,
 * proofs in proofs.http.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CreditsMineOutput } from '../../src/shared/schemas/credits';
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
