/**
 * People served, over the HTTP face (issue 18 item 2): the committee registers a resident with
 * her witnessed consent (sealed at rest, audited), pairs a volunteer or a group, the paired log
 * visits that become pending hour records — once per request — confirmed through the hour book's
 * own review (the committee for a volunteer paired directly, the group's leader for a group) and
 * credited once; closing care ends every pairing and cuts the record down. Then consent required,
 * the overdue timer (one notice per staff member per person per overdue period) and bad input,
 * each refusal writing nothing.
 */
import type { CareMyPairsOutput, CareOverdueOutput, CareRecipientView, CareVisitsOutput, CareVisitView } from '../../src/shared/schemas/care';
import type { CreditsMineOutput } from '../../src/shared/schemas/credits';
import type { OutputOf } from '../../src/shared/api/contract';
import { userIdOf } from '../../cloudfunctions/_core/repositories/users';
import { chinaDayOf } from '../../cloudfunctions/_core/runtime/chinaDay';
import { cloudPerFile } from '../support/cloudPerFile';
import { snapshotDatabase } from '../support/dbSnapshot';
import { createGroup, grantRole, type Db } from '../support/fixtures';
import type { RunningCloud } from '../support/localCloud';
import { Client, dataOf } from '../support/localCloud';
import { idFor, registerVolunteer, residentOf } from '../support/volunteers';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

const IGNORED = ['idempotency', 'rate_limits', 'users'];
const DAY_MS = 24 * 3600_000;
const today = () => chinaDayOf(new Date());
const daysAgo = (days: number) => chinaDayOf(new Date(Date.now() - days * DAY_MS));
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const PHONE = '13900001111';
const ADDRESS = '北苑小区3栋2单元101';
const NOTES = '独居，糖尿病，每周需测血糖';
const CONSENT = { by: 'self', reference: 'cloud://env/consents/li-2026.jpg', witnessed: true } as const;
const PERSON = { communityId: 'cm-beiyuan', category: 'lone_elder', name: '李奶奶', phone: PHONE, address: ADDRESS, frequencyDays: 7, notes: NOTES, consent: CONSENT };

const fail = (r: { status: number; body: { ok: boolean } }) => ({ status: r.status, body: r.body });
async function inboxKinds(client: Client): Promise<Array<{ kind: string; body: string; link: string | null }>> {
  const inbox = await dataOf<{ items: Array<{ kind: string; body: string; link: string | null }> }>(client.call('inbox', 'inbox.list', { limit: 50 }, null));
  return inbox.items.filter((item) => item.kind.startsWith('care'));
}
async function balanceOf(client: Client): Promise<number> {
  return (await dataOf<CreditsMineOutput>(client.call('credits', 'credits.mine', {}, null))).balance;
}

let committee: Client;
let volunteer: Client;
let volunteerNo: string;

beforeAll(async () => {
  committee = await Client.signIn(cloud.url, 'demo-committee');
  volunteer = await residentOf(cloud.url, 'care-v1');
  volunteerNo = (await registerVolunteer(volunteer, idFor('19800101', '501'))).volunteerNo;
});

test('register with consent → pair → visit (logged twice, recorded once) → pending hours → committee confirms → hours and credits once', async () => {
  const person = await dataOf<CareRecipientView>(committee.call('care', 'care.register', PERSON));
  expect(person).toMatchObject({
    communityName: '北苑社区',
    name: '李奶奶',
    phone: PHONE,
    address: ADDRESS,
    notes: NOTES,
    status: 'active',
    lastVisitDate: null,
    dueDate: addDays(today(), 7),
    overdue: false,
    consent: { by: 'self', guardianName: null, witnessedByName: expect.any(String), reference: CONSENT.reference },
    pairs: [],
  });
  expect(person.abilities).toEqual(expect.arrayContaining(['care.view', 'care.update', 'care.close', 'care.pair']));
  // Sealed at rest: neither phone, address nor notes are stored readable.
  const stored = JSON.stringify((await db.collection('care_recipients').doc(person.id).get()).data);
  expect(stored).not.toContain(PHONE);
  expect(stored).not.toContain('北苑小区');
  expect(stored).not.toContain('糖尿病');
  expect((await db.collection('audit_log').where({ action: 'care.register', targetId: person.id }).get()).data).toHaveLength(1);

  const paired = await dataOf<CareRecipientView>(committee.call('care', 'care.pair', { recipientId: person.id, volunteerNo }));
  expect(paired.pairs).toEqual([expect.objectContaining({ kind: 'volunteer', status: 'active', groupId: null })]);
  expect(fail(await committee.call('care', 'care.pair', { recipientId: person.id, volunteerNo }))).toMatchObject({ status: 409, body: { error: { reason: 'care.already_paired' } } });
  expect(await inboxKinds(volunteer)).toEqual([expect.objectContaining({ kind: 'care_paired', link: 'package-care/mine/index' })]);
  // The notice does not name her.
  expect(JSON.stringify(await inboxKinds(volunteer))).not.toContain('李');

  const mine = await dataOf<CareMyPairsOutput>(volunteer.call('care', 'care.myPairs', {}, null));
  expect(mine.items).toEqual([expect.objectContaining({ recipientId: person.id, name: '李奶奶', address: ADDRESS, phone: PHONE, groupName: null, dueDate: addDays(today(), 7), daysLeft: 7, overdue: false })]);
  const seen = await dataOf<CareRecipientView>(volunteer.call('care', 'care.get', { recipientId: person.id }, null));
  expect(seen).toMatchObject({ address: ADDRESS, consent: null, userId: null, abilities: ['care.view', 'care.logVisit', 'care.visits'] });

  const visitInput = { recipientId: person.id, visitDate: today(), minutes: 90, notes: '陪老人聊天，测了血糖', photo: 'cloud://env/visits/li-1.jpg' };
  const requestId = 'care-visit-0001-retry';
  const first = await dataOf<CareVisitView>(volunteer.call('care', 'care.logVisit', visitInput, requestId));
  const retry = await dataOf<CareVisitView>(volunteer.call('care', 'care.logVisit', visitInput, requestId));
  expect(retry).toEqual(first);
  expect(first).toMatchObject({ visitDate: today(), minutes: 90, onTime: true, hourState: 'pending' });
  expect((await db.collection('care_visits').where({ recipientId: person.id }).get()).data).toHaveLength(1);
  const records = (await db.collection('hour_records').where({ userId: userIdOf('care-v1') }).get()).data as Array<{ _id: string; source: string; state: string; content: string; credits: number; groupId: string }>;
  expect(records).toEqual([expect.objectContaining({ _id: first.hourRecordId, source: 'care_visit', state: 'pending', content: '关爱探访（独居老人）', credits: 15, groupId: 'cm-beiyuan' })]);
  expect(JSON.stringify((await db.collection('care_visits').doc(first.id).get()).data)).not.toContain('血糖');

  // Her due day moved on from the visit.
  const after = await dataOf<CareRecipientView>(committee.call('care', 'care.get', { recipientId: person.id }, null));
  expect(after).toMatchObject({ lastVisitDate: today(), dueDate: addDays(today(), 7) });

  // The committee finds it in the existing review queue and confirms it there.
  const queue = await dataOf<OutputOf<'hours.queue'>>(committee.call('volunteers', 'hours.queue', {}, null));
  expect(queue.items.map((item) => item.recordId)).toContain(first.hourRecordId);
  expect((await volunteer.call('volunteers', 'hours.review', { recordId: first.hourRecordId, approve: true })).status).toBe(404);
  expect(await dataOf(committee.call('volunteers', 'hours.review', { recordId: first.hourRecordId, approve: true }))).toEqual({ state: 'confirmed' });
  expect((await committee.call('volunteers', 'hours.review', { recordId: first.hourRecordId, approve: true })).status).toBe(409);
  expect(await balanceOf(volunteer)).toBe(15);
  const hours = await dataOf<OutputOf<'hours.mine'>>(volunteer.call('volunteers', 'hours.mine', {}, null));
  expect(hours.totalMinutes).toBe(90);
  const visits = await dataOf<CareVisitsOutput>(committee.call('care', 'care.visits', { recipientId: person.id }, null));
  expect(visits).toMatchObject({ total: 1, items: [{ id: first.id, notes: '陪老人聊天，测了血糖', hourState: 'confirmed', onTime: true }] });

  // Retries at once with the same request id: one visit. And a retry after the stored reply was
  // lost (a crash between the write and the reply): the visit and record ids come from the request,
  // so the command finds its own write and records nothing more.
  const burst = await Promise.all(Array.from({ length: 5 }, () => dataOf<CareVisitView>(volunteer.call('care', 'care.logVisit', visitInput, requestId))));
  expect(new Set(burst.map((v) => v.id))).toEqual(new Set([first.id]));
  await db.collection('idempotency').where({ userId: userIdOf('care-v1') }).remove();
  await db.collection('users').doc(userIdOf('care-v1')).update({ req: db.command.remove() });
  const afterLostReply = await dataOf<CareVisitView>(volunteer.call('care', 'care.logVisit', visitInput, requestId));
  expect(afterLostReply).toMatchObject({ id: first.id, hourState: 'confirmed' });
  expect((await db.collection('care_visits').where({ recipientId: person.id }).get()).data).toHaveLength(1);
  expect((await db.collection('hour_records').where({ userId: userIdOf('care-v1') }).get()).data).toHaveLength(1);
  expect(await balanceOf(volunteer)).toBe(15);

  // A second visit with a new request id is a second visit.
  const second = await dataOf<CareVisitView>(volunteer.call('care', 'care.logVisit', { ...visitInput, minutes: 60, photo: undefined }));
  expect(second.id).not.toBe(first.id);
  expect((await db.collection('care_visits').where({ recipientId: person.id }).get()).data).toHaveLength(2);
});

test('a group paired with a person: its registered members log visits, its leader confirms them; a member who is not a volunteer cannot log', async () => {
  const leader = await residentOf(cloud.url, 'care-gl');
  const member = await residentOf(cloud.url, 'care-gm');
  const plainMember = await residentOf(cloud.url, 'care-gp');
  await registerVolunteer(leader, idFor('19750101', '511'));
  await registerVolunteer(member, idFor('19760101', '512'));
  const groupId = await createGroup(db, { leader: 'care-gl', members: ['care-gm', 'care-gp'] });
  const person = await dataOf<CareRecipientView>(committee.call('care', 'care.register', { ...PERSON, name: '赵爷爷', category: 'disability', frequencyDays: 14 }));
  const paired = await dataOf<CareRecipientView>(committee.call('care', 'care.pair', { recipientId: person.id, groupId }));
  expect(paired.pairs).toEqual([expect.objectContaining({ kind: 'group', groupId, status: 'active' })]);
  expect((await inboxKinds(leader)).map((n) => n.kind)).toEqual(['care_paired']);

  const mine = await dataOf<CareMyPairsOutput>(member.call('care', 'care.myPairs', {}, null));
  expect(mine.items).toEqual([expect.objectContaining({ recipientId: person.id, groupName: paired.pairs[0]!.name })]);
  expect(fail(await plainMember.call('care', 'care.logVisit', { recipientId: person.id, visitDate: today(), minutes: 30, notes: '上门看望' }))).toMatchObject({ status: 409, body: { error: { code: 'NOT_A_VOLUNTEER' } } });

  const visit = await dataOf<CareVisitView>(member.call('care', 'care.logVisit', { recipientId: person.id, visitDate: today(), minutes: 60, notes: '帮忙买菜' }));
  const record = (await db.collection('hour_records').doc(visit.hourRecordId).get()).data[0] as { groupId: string; content: string; state: string };
  expect(record).toMatchObject({ groupId, content: '关爱探访（残疾人）', state: 'pending' });
  const queue = await dataOf<OutputOf<'hours.queue'>>(leader.call('volunteers', 'hours.queue', {}, null));
  expect(queue.items.map((item) => item.recordId)).toContain(visit.hourRecordId);
  expect(await dataOf(leader.call('volunteers', 'hours.review', { recordId: visit.hourRecordId, approve: true }))).toEqual({ state: 'confirmed' });
  expect(await balanceOf(member)).toBe(10);

  // The leader's own visit is reviewed by someone else (the committee), never by herself.
  const own = await dataOf<CareVisitView>(leader.call('care', 'care.logVisit', { recipientId: person.id, visitDate: today(), minutes: 30, notes: '电话后上门' }));
  expect(fail(await leader.call('volunteers', 'hours.review', { recordId: own.hourRecordId, approve: true }))).toMatchObject({ status: 403 });
  expect(await dataOf(committee.call('volunteers', 'hours.review', { recordId: own.hourRecordId, approve: false, reason: '时长与记录不符' }))).toEqual({ state: 'rejected' });
  expect(await balanceOf(leader)).toBe(0);
  const visits = await dataOf<CareVisitsOutput>(member.call('care', 'care.visits', { recipientId: person.id }, null));
  expect(visits.items.map((v) => v.hourState)).toEqual(['rejected', 'confirmed']);
});

test('closing care ends every pairing at once and keeps the record minimal; the paired no longer see her', async () => {
  const person = await dataOf<CareRecipientView>(committee.call('care', 'care.register', { ...PERSON, name: '钱阿婆' }));
  await dataOf(committee.call('care', 'care.pair', { recipientId: person.id, volunteerNo }));
  await dataOf(volunteer.call('care', 'care.logVisit', { recipientId: person.id, visitDate: today(), minutes: 30, notes: '送药' }));
  const closed = await dataOf<CareRecipientView>(committee.call('care', 'care.close', { recipientId: person.id, reason: 'consent_withdrawn', note: '本人撤回同意' }));
  expect(closed).toMatchObject({ status: 'closed', closedReason: 'consent_withdrawn', name: '钱**', phone: null, address: null, notes: null, userId: null, abilities: ['care.view', 'care.viewConsent', 'care.unpair', 'care.visits'] });
  expect(closed.pairs).toEqual([expect.objectContaining({ status: 'ended' })]);
  const stored = (await db.collection('care_recipients').doc(person.id).get()).data[0] as Record<string, unknown>;
  expect(stored).toMatchObject({ phoneSealed: null, addressSealed: null, notesSealed: null, name: '钱**', consent: expect.objectContaining({ reference: CONSENT.reference }) });
  const pairs = (await db.collection('care_pairs').where({ recipientId: person.id }).get()).data as Array<{ status: string }>;
  expect(pairs.map((p) => p.status)).toEqual(['ended']);
  // Gone for the volunteer: not in her pairs, not found, cannot log a visit.
  expect((await dataOf<CareMyPairsOutput>(volunteer.call('care', 'care.myPairs', {}, null))).items.map((i) => i.recipientId)).not.toContain(person.id);
  expect((await volunteer.call('care', 'care.get', { recipientId: person.id }, null)).status).toBe(404);
  const before = snapshotDatabase(cloud.dataDir, IGNORED);
  expect((await volunteer.call('care', 'care.logVisit', { recipientId: person.id, visitDate: today(), minutes: 30, notes: '再次探访' })).status).toBe(404);
  expect(fail(await committee.call('care', 'care.close', { recipientId: person.id, reason: 'care_ended' }))).toMatchObject({ status: 409, body: { error: { reason: 'care.closed' } } });
  expect(fail(await committee.call('care', 'care.pair', { recipientId: person.id, volunteerNo }))).toMatchObject({ status: 409, body: { error: { reason: 'care.closed' } } });
  expect(snapshotDatabase(cloud.dataDir, IGNORED)).toBe(before);
  // The visit and its hour record stay (statutory); the closed list has her.
  expect((await dataOf<CareVisitsOutput>(committee.call('care', 'care.visits', { recipientId: person.id }, null))).total).toBe(1);
  const closedList = await dataOf<{ items: CareRecipientView[] }>(committee.call('care', 'care.list', { communityId: 'cm-beiyuan', status: 'closed' }, null));
  expect(closedList.items.map((i) => i.id)).toContain(person.id);
  const audit = (await db.collection('audit_log').where({ targetId: person.id }).get()).data as Array<{ action: string }>;
  expect(audit.map((a) => a.action).sort()).toEqual(['care.close', 'care.register']);
  expect((await db.collection('audit_log').where({ action: 'care.pair', 'details.recipientId': person.id }).get()).data).toHaveLength(1);
});

test('updating a record moves her due day with a new frequency (audited by field, never by value); unpairing ends access, pairing again restores it', async () => {
  const person = await dataOf<CareRecipientView>(committee.call('care', 'care.register', { ...PERSON, name: '吴奶奶', frequencyDays: 10 }));
  const updated = await dataOf<CareRecipientView>(committee.call('care', 'care.update', { recipientId: person.id, frequencyDays: 3, phone: null, notes: '行动不便，需扶' }));
  expect(updated).toMatchObject({ frequencyDays: 3, dueDate: addDays(today(), 3), phone: null, notes: '行动不便，需扶' });
  const audit = (await db.collection('audit_log').where({ action: 'care.update', targetId: person.id }).get()).data as Array<{ details: { fields: string[] } }>;
  expect(audit.map((a) => a.details.fields.sort())).toEqual([['frequencyDays', 'notes', 'phone']]);
  expect(JSON.stringify(audit)).not.toContain('行动不便');

  const paired = await dataOf<CareRecipientView>(committee.call('care', 'care.pair', { recipientId: person.id, volunteerNo }));
  const pairId = paired.pairs[0]!.id;
  expect((await volunteer.call('care', 'care.get', { recipientId: person.id }, null)).status).toBe(200);
  const unpaired = await dataOf<CareRecipientView>(committee.call('care', 'care.unpair', { pairId, reason: '志愿者搬家' }));
  expect(unpaired.pairs).toEqual([expect.objectContaining({ id: pairId, status: 'ended' })]);
  expect((await volunteer.call('care', 'care.get', { recipientId: person.id }, null)).status).toBe(404);
  expect((await dataOf<CareMyPairsOutput>(volunteer.call('care', 'care.myPairs', {}, null))).items.map((i) => i.recipientId)).not.toContain(person.id);
  expect(fail(await committee.call('care', 'care.unpair', { pairId }))).toMatchObject({ status: 409, body: { error: { reason: 'care.pair_ended' } } });
  expect((await db.collection('audit_log').where({ action: 'care.unpair', targetId: pairId }).get()).data).toHaveLength(1);
  const again = await dataOf<CareRecipientView>(committee.call('care', 'care.pair', { recipientId: person.id, volunteerNo }));
  expect(again.pairs).toEqual([expect.objectContaining({ id: pairId, status: 'active' })]);
  expect((await volunteer.call('care', 'care.get', { recipientId: person.id }, null)).status).toBe(200);
});

test('no consent, no register: a clear error and nothing written', async () => {
  const before = snapshotDatabase(cloud.dataDir, IGNORED);
  const { consent: _omitted, ...withoutConsent } = PERSON;
  void _omitted;
  const cases: Array<[unknown, { path: string; message: string }]> = [
    [withoutConsent, { path: 'consent', message: '没有记录本人或监护人的同意，不能登记' }],
    [{ ...PERSON, consent: { ...CONSENT, witnessed: false } }, { path: 'consent.witnessed', message: '请确认已当面见证同意' }],
    [{ ...PERSON, consent: { by: 'self', witnessed: true } }, { path: 'consent.reference', message: '请上传或填写知情同意书' }],
    [{ ...PERSON, consent: { ...CONSENT, by: 'guardian' } }, { path: 'consent.guardianName', message: '请填写监护人姓名' }],
  ];
  for (const [input, issue] of cases) {
    const result = await committee.call('care', 'care.register', input);
    expect({ status: result.status, issues: !result.body.ok && result.body.error.issues }).toEqual({ status: 400, issues: [issue] });
  }
  expect(snapshotDatabase(cloud.dataDir, IGNORED)).toBe(before);
  // A guardian's consent with her name is enough.
  const child = await dataOf<CareRecipientView>(committee.call('care', 'care.register', { ...PERSON, name: '小明', category: 'left_behind_child', consent: { ...CONSENT, by: 'guardian', guardianName: '明爷爷' } }));
  expect(child.consent).toMatchObject({ by: 'guardian', guardianName: '明爷爷' });
});

test('the overdue timer tells each committee member once per person per overdue period; care.overdue lists them', async () => {
  const second = await residentOf(cloud.url, 'care-c2');
  await grantRole(db, 'care-c2', 'committee', 'cm-beiyuan');
  const person = await dataOf<CareRecipientView>(committee.call('care', 'care.register', { ...PERSON, name: '孙奶奶', frequencyDays: 3 }));
  await dataOf(committee.call('care', 'care.pair', { recipientId: person.id, volunteerNo }));
  const fire = async () => {
    const res = await fetch(`${cloud.url}/api/dev/timers/care/flagOverdue`, { method: 'POST' });
    expect(res.status).toBe(200);
  };
  const overdueNotices = async (client: Client) => (await inboxKinds(client)).filter((n) => n.kind === 'care_overdue' && n.link === `package-care/person/index?id=${person.id}`);

  // Not due yet: nobody is told.
  await fire();
  expect(await overdueNotices(committee)).toEqual([]);
  // Registered five days ago and never visited (the days set back, as days passing would).
  const lateDue = daysAgo(2);
  await db.collection('care_recipients').doc(person.id).update({ registeredDay: daysAgo(5), dueDay: lateDue });
  await fire();
  await fire();
  for (const staff of [committee, second]) expect(await overdueNotices(staff)).toEqual([expect.objectContaining({ body: expect.stringContaining('孙**') })]);
  expect(JSON.stringify(await overdueNotices(committee))).not.toContain('孙奶奶');
  expect(await overdueNotices(volunteer)).toEqual([]);
  const list = await dataOf<CareOverdueOutput>(committee.call('care', 'care.overdue', { communityId: 'cm-beiyuan' }, null));
  expect(list.items).toContainEqual(expect.objectContaining({ recipientId: person.id, dueDate: lateDue, daysOverdue: 2, pairedWith: [expect.any(String)] }));
  expect((await dataOf<CareMyPairsOutput>(volunteer.call('care', 'care.myPairs', {}, null))).items).toContainEqual(expect.objectContaining({ recipientId: person.id, overdue: true, daysLeft: -2 }));

  // A visit (late) starts a new period: off the list; overdue again later is told again, once.
  const late = await dataOf<CareVisitView>(volunteer.call('care', 'care.logVisit', { recipientId: person.id, visitDate: daysAgo(1), minutes: 30, notes: '补上探访' }));
  expect(late.onTime).toBe(false);
  expect((await dataOf<CareOverdueOutput>(committee.call('care', 'care.overdue', { communityId: 'cm-beiyuan' }, null))).items.map((i) => i.recipientId)).not.toContain(person.id);
  await db.collection('care_recipients').doc(person.id).update({ dueDay: daysAgo(1) });
  await fire();
  await fire();
  for (const staff of [committee, second]) expect(await overdueNotices(staff)).toHaveLength(2);
});

test('bad input on every action: a clear error, nothing written', async () => {
  const person = await dataOf<CareRecipientView>(committee.call('care', 'care.register', { ...PERSON, name: '周伯伯' }));
  await dataOf(committee.call('care', 'care.pair', { recipientId: person.id, volunteerNo }));
  const before = snapshotDatabase(cloud.dataDir, IGNORED);
  const cases: Array<[string, unknown, number, string?]> = [
    ['care.register', { ...PERSON, category: 'vip' }, 400, 'category'],
    ['care.register', { ...PERSON, frequencyDays: 0 }, 400, 'frequencyDays'],
    ['care.register', { ...PERSON, frequencyDays: 2.5 }, 400, 'frequencyDays'],
    ['care.register', { ...PERSON, phone: '12345' }, 400, 'phone'],
    ['care.register', { ...PERSON, name: '' }, 400, 'name'],
    ['care.register', { ...PERSON, address: '地'.repeat(101) }, 400, 'address'],
    ['care.register', { ...PERSON, notes: 'a\u0000b' }, 400, 'notes'],
    ['care.register', { ...PERSON, communityId: { $gt: '' } }, 400, 'communityId'],
    ['care.register', { ...PERSON, extra: 1 }, 400],
    ['care.register', { ...PERSON, userId: 'no-such-user' }, 400, 'userId'],
    ['care.register', { ...PERSON, communityId: 'no-such-community' }, 404],
    ['care.update', { recipientId: person.id }, 400],
    ['care.update', { recipientId: person.id, frequencyDays: 91 }, 400, 'frequencyDays'],
    ['care.update', { recipientId: 'nobody', name: '新名字' }, 404],
    ['care.close', { recipientId: person.id, reason: 'bored' }, 400, 'reason'],
    ['care.pair', { recipientId: person.id }, 400, 'volunteerNo'],
    ['care.pair', { recipientId: person.id, volunteerNo, groupId: 'g1' }, 400, 'volunteerNo'],
    ['care.pair', { recipientId: person.id, volunteerNo: 'V0000000000' }, 400, 'volunteerNo'],
    ['care.pair', { recipientId: person.id, groupId: 'no-such-group' }, 400, 'groupId'],
    ['care.unpair', { pairId: 'no-such-pair' }, 404],
    ['care.logVisit', { recipientId: person.id, visitDate: addDays(today(), 1), minutes: 30, notes: '明天的探访' }, 400, 'visitDate'],
    ['care.logVisit', { recipientId: person.id, visitDate: daysAgo(31), minutes: 30, notes: '很久以前' }, 400, 'visitDate'],
    ['care.logVisit', { recipientId: person.id, visitDate: '2026/01/01', minutes: 30, notes: '格式不对' }, 400, 'visitDate'],
    ['care.logVisit', { recipientId: person.id, visitDate: today(), minutes: 4, notes: '太短' }, 400, 'minutes'],
    ['care.logVisit', { recipientId: person.id, visitDate: today(), minutes: 481, notes: '太长' }, 400, 'minutes'],
    ['care.logVisit', { recipientId: person.id, visitDate: today(), minutes: 30, notes: '' }, 400, 'notes'],
    ['care.logVisit', { recipientId: person.id, visitDate: today(), minutes: 30, notes: '照片', photo: 'javascript:alert(1)' }, 400, 'photo'],
  ];
  for (const [action, input, status, path] of cases) {
    const client = action === 'care.logVisit' ? volunteer : committee;
    const result = await client.call('care', action, input);
    const issues = !result.body.ok ? (result.body.error.issues ?? []).map((i) => i.path) : null;
    expect({ action, input, status: result.status, blames: path ? issues?.includes(path) : true }).toEqual({ action, input, status, blames: true });
  }
  for (const [action, input] of [['care.list', { limit: 51 }], ['care.get', { recipientId: '' }], ['care.visits', { recipientId: person.id, offset: -1 }], ['care.overdue', {}], ['care.myPairs', { x: 1 }]] as const) {
    expect({ action, status: (await committee.call('care', action, input, null)).status }).toEqual({ action, status: 400 });
  }
  expect(snapshotDatabase(cloud.dataDir, IGNORED)).toBe(before);
});
