/**
 * Asking a neighbour from her time-bank offer (请TA帮忙, issue 18 item 1) over the HTTP face: the
 * need is addressed to the offer's author alone — off the board, hidden from everyone else, hers
 * to take on (and then the ordinary journey to thanks, hours and credits, once) or to decline,
 * which puts it on the public board. Offers that cannot be asked (unknown, withdrawn, another
 * community's, her own) answer a clear error and write nothing.
 */
import { userIdOf } from '../../cloudfunctions/_core/repositories/users';
import type { CreditsMineOutput } from '../../src/shared/schemas/credits';
import type { NeedView, OfferView } from '../../src/shared/schemas/needs';
import { cloudPerFile } from '../support/cloudPerFile';
import { snapshotDatabase } from '../support/dbSnapshot';
import { allDocsOf, grantRole, type Db } from '../support/fixtures';
import { type Client, dataOf as data, type RunningCloud } from '../support/localCloud';
import { helpingGroup, needInput, postNeed, uploadPhoto, volunteerOf } from '../support/needs';
import { residentOf } from '../support/volunteers';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

/** What a refused call may still write: its caller's request marks and rate counters. */
const BOOKKEEPING = ['idempotency', 'rate_limits', 'users'];

/** Turns a community's time bank on (community settings), as its committee would. */
async function timeBankOn(communityId: string): Promise<void> {
  await db.collection('community_settings').doc(communityId).set({ timeBank: true, updatedBy: 'test', updatedAt: new Date() });
}

async function offerOf(author: Client, what = '周末可以陪老人去医院复诊'): Promise<OfferView> {
  return data<OfferView>(author.call('needs', 'needs.offerPost', { what, category: 'companionship' }));
}

async function nicknameOf(openid: string): Promise<string> {
  const [user] = await allDocsOf<{ nickname: string }>(db, 'users', { _id: userIdOf(openid) });
  return user!.nickname;
}

beforeAll(async () => {
  await timeBankOn('cm-beiyuan');
  await timeBankOn('cm-taoyuan');
});

test('an addressed need: only the neighbour asked sees and claims it; then thanks, and her hours and credits land once', async () => {
  const resident = await residentOf(cloud.url, 'na-resident');
  const author = await volunteerOf(cloud, 'na-author');
  const otherVolunteer = await volunteerOf(cloud, 'na-other-volunteer');
  const { groupId, leader } = await helpingGroup(cloud, db, 'na-leader', ['na-member']);
  const committee = await residentOf(cloud.url, 'na-committee');
  await grantRole(db, 'na-committee', 'committee', 'cm-beiyuan');
  const offer = await offerOf(author);

  const posted = await postNeed(resident, { offerId: offer.id, category: 'companionship', what: '想请您陪我去医院复诊' });
  const authorName = await nicknameOf('na-author');
  expect(posted).toMatchObject({ state: 'open', addressedTo: { name: authorName }, abilities: expect.arrayContaining(['needs.withdraw']) });
  expect(posted.abilities).not.toContain('needs.declineAddressed');
  const [stored] = await allDocsOf<{ addressedTo: unknown }>(db, 'needs', { _id: posted.id });
  expect(stored!.addressedTo).toEqual({ userId: userIdOf('na-author'), offerId: offer.id, name: authorName });
  const told = await allDocsOf<{ kind: string; link: string }>(db, 'inbox', { userId: userIdOf('na-author'), kind: 'need_addressed' });
  expect(told).toEqual([expect.objectContaining({ link: `package-needs/detail/index?id=${posted.id}` })]);

  // Not on the board, and nobody but her (and the committee that keeps the queue) sees or claims it.
  for (const who of [otherVolunteer, leader]) {
    const board = await data<{ items: NeedView[] }>(who.call('needs', 'needs.list', { communityId: 'cm-beiyuan' }, null));
    expect(board.items.map((n) => n.id)).not.toContain(posted.id);
    expect((await who.call('needs', 'needs.get', { needId: posted.id }, null)).status).toBe(404);
    const mine = await data<{ items: NeedView[] }>(who.call('needs', 'needs.mine', {}, null));
    expect(mine.items.map((n) => n.id)).not.toContain(posted.id);
  }
  const before = snapshotDatabase(cloud.dataDir, BOOKKEEPING);
  expect((await otherVolunteer.call('needs', 'needs.claim', { needId: posted.id })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: 'needs.not_found' } });
  expect((await leader.call('needs', 'needs.claim', { needId: posted.id, groupId })).status).toBe(404);
  expect((await otherVolunteer.call('needs', 'needs.declineAddressed', { needId: posted.id })).status).toBe(404);
  // The resident cannot decline on the neighbour's behalf.
  expect((await resident.call('needs', 'needs.declineAddressed', { needId: posted.id })).status).toBe(403);
  expect(snapshotDatabase(cloud.dataDir, BOOKKEEPING)).toBe(before);
  expect((await data<NeedView>(committee.call('needs', 'needs.get', { needId: posted.id }, null))).addressedTo).toEqual({ name: authorName });

  // She finds it in "mine" (and via the notice), may take it on or decline it.
  const hers = await data<{ items: NeedView[] }>(author.call('needs', 'needs.mine', {}, null));
  expect(hers.items.find((n) => n.id === posted.id)).toMatchObject({ addressedTo: { name: authorName }, place: null, phone: null, abilities: expect.arrayContaining(['needs.claim', 'needs.declineAddressed']) });

  const claimed = await data<NeedView>(author.call('needs', 'needs.claim', { needId: posted.id }));
  expect(claimed).toMatchObject({ state: 'claimed', claimer: { kind: 'volunteer', id: userIdOf('na-author') }, addressedTo: { name: authorName }, place: '北苑小区 3 栋 2 单元 501' });
  expect(claimed.abilities).not.toContain('needs.declineAddressed');
  expect((await author.call('needs', 'needs.declineAddressed', { needId: posted.id })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'needs.not_addressed_to_you' } });
  await data(resident.call('needs', 'needs.confirm', { needId: posted.id, accept: true }));
  const photo = await uploadPhoto(cloud, 'na-journey');
  const me = userIdOf('na-author');
  await data(author.call('needs', 'needs.done', { needId: posted.id, photo, helpers: [{ userId: me, minutes: 120 }] }));
  const thankId = resident.nextRequestId();
  expect(await data<NeedView>(resident.call('needs', 'needs.thank', { needId: posted.id, rating: 5, words: '谢谢您陪我' }, thankId))).toMatchObject({ state: 'thanked', addressedTo: { name: authorName } });
  expect((await resident.call('needs', 'needs.thank', { needId: posted.id, rating: 5, words: '谢谢您陪我' }, thankId)).body).toMatchObject({ ok: true });
  expect((await resident.call('needs', 'needs.thank', { needId: posted.id, rating: 4 })).status).toBe(409);

  // Still hidden from the others after it ended.
  expect((await otherVolunteer.call('needs', 'needs.get', { needId: posted.id }, null)).status).toBe(404);

  const records = await allDocsOf<{ _id: string; userId: string; minutes: number; state: string; credits: number }>(db, 'hour_records', { source: 'need' });
  expect(records.map((r) => [r.userId, r.minutes, r.state, r.credits])).toEqual([[me, 120, 'pending', 20]]);
  expect(await data(committee.call('volunteers', 'hours.review', { recordId: records[0]!._id, approve: true }))).toEqual({ state: 'confirmed' });
  expect((await committee.call('volunteers', 'hours.review', { recordId: records[0]!._id, approve: true })).status).toBe(409);
  expect((await data<CreditsMineOutput>(author.call('credits', 'credits.mine', {}, null))).balance).toBe(20);
  expect(await allDocsOf(db, 'ledger_entries', { ownerId: me, kind: 'earned' })).toHaveLength(1);
});

test('declined by the neighbour asked, it goes to the public board as an ordinary open need, and the resident is told', async () => {
  const resident = await residentOf(cloud.url, 'na-dec-resident');
  const author = await volunteerOf(cloud, 'na-dec-author');
  const neighbour = await volunteerOf(cloud, 'na-dec-neighbour');
  const offer = await offerOf(author, '可以帮忙修理自行车和小家电');
  const posted = await postNeed(resident, { offerId: offer.id, category: 'repairs', what: '电饭锅不加热了，想请您看看' });
  expect((await neighbour.call('needs', 'needs.get', { needId: posted.id }, null)).status).toBe(404);

  const declined = await data<NeedView>(author.call('needs', 'needs.declineAddressed', { needId: posted.id }));
  expect(declined).toMatchObject({ state: 'open', addressedTo: null, claimer: null, abilities: ['needs.view', 'needs.claim'] });
  const [stored] = await allDocsOf<{ addressedTo: unknown; state: string }>(db, 'needs', { _id: posted.id });
  expect(stored).toMatchObject({ addressedTo: null, state: 'open' });
  // Declining again: no longer hers to decline; nothing changes, no second notice.
  expect((await author.call('needs', 'needs.declineAddressed', { needId: posted.id })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'needs.not_addressed_to_you' } });
  expect(await allDocsOf(db, 'inbox', { userId: userIdOf('na-dec-resident'), kind: 'need_addressed_declined' })).toHaveLength(1);

  const board = await data<{ items: NeedView[] }>(neighbour.call('needs', 'needs.list', { communityId: 'cm-beiyuan' }, null));
  expect(board.items.find((n) => n.id === posted.id)).toMatchObject({ state: 'open', addressedTo: null, abilities: ['needs.view', 'needs.claim'] });
  expect(await data<NeedView>(neighbour.call('needs', 'needs.claim', { needId: posted.id }))).toMatchObject({ state: 'claimed', claimer: { id: userIdOf('na-dec-neighbour') } });
});

test('the resident declining the claim of the neighbour she asked also puts the need on the board', async () => {
  const resident = await residentOf(cloud.url, 'na-rej-resident');
  const author = await volunteerOf(cloud, 'na-rej-author');
  const neighbour = await volunteerOf(cloud, 'na-rej-neighbour');
  const posted = await postNeed(resident, { offerId: (await offerOf(author, '可以辅导小学生数学作业')).id, category: 'tutoring', what: '孩子的数学作业想请您辅导' });
  await data(author.call('needs', 'needs.claim', { needId: posted.id }));
  expect(await data<NeedView>(resident.call('needs', 'needs.confirm', { needId: posted.id, accept: false }))).toMatchObject({ state: 'open', addressedTo: null, claimer: null });
  expect((await data<NeedView>(neighbour.call('needs', 'needs.get', { needId: posted.id }, null))).abilities).toContain('needs.claim');
});

test('a proxy asks a neighbour for the resident she acts for; the need is the resident’s', async () => {
  const resident = await residentOf(cloud.url, 'na-px-elder');
  const proxy = await residentOf(cloud.url, 'na-px-proxy', 'cm-taoyuan');
  await db.collection('proxies').doc('na-px-consent').set({ proxyUserId: userIdOf('na-px-proxy'), elderUserId: userIdOf('na-px-elder'), relation: 'family', status: 'active', codeHash: 'x', expiresAt: new Date(), createdAt: new Date(), consentedAt: new Date() });
  const author = await volunteerOf(cloud, 'na-px-author');
  const offer = await offerOf(author, '可以帮老人代买蔬菜和药品');
  const posted = await data<NeedView>(proxy.call('needs', 'needs.post', needInput({ forUserId: userIdOf('na-px-elder'), offerId: offer.id, what: '替妈妈请您帮忙买点蔬菜' })));
  expect(posted).toMatchObject({ postedForResident: true, addressedTo: { name: await nicknameOf('na-px-author') } });
  const [stored] = await allDocsOf<{ userId: string; postedBy: string }>(db, 'needs', { _id: posted.id });
  expect(stored).toMatchObject({ userId: userIdOf('na-px-elder'), postedBy: userIdOf('na-px-proxy') });
  expect((await data<{ items: NeedView[] }>(resident.call('needs', 'needs.mine', {}, null))).items.map((n) => n.id)).toContain(posted.id);
  expect((await data<NeedView>(author.call('needs', 'needs.get', { needId: posted.id }, null))).abilities).toEqual(expect.arrayContaining(['needs.claim', 'needs.declineAddressed']));
});

test('offers that cannot be asked: unknown, withdrawn, of another community, her own — a clear error, nothing written', async () => {
  const resident = await residentOf(cloud.url, 'na-bad-resident');
  const author = await volunteerOf(cloud, 'na-bad-author');
  const stranger = await volunteerOf(cloud, 'na-bad-stranger', 'cm-taoyuan');
  const withdrawn = await offerOf(author, '可以帮忙遛狗，每天傍晚');
  await data(author.call('needs', 'needs.offerWithdraw', { offerId: withdrawn.id }));
  const foreign = await offerOf(stranger, '可以教老人用智能手机');
  const own = await offerOf(resident, '可以帮邻居收快递');

  const before = snapshotDatabase(cloud.dataDir, BOOKKEEPING);
  const cases: Array<[string, number, { code: string; reason: string; message: string }]> = [
    ['no0000000000000000000000', 404, { code: 'NOT_FOUND', reason: 'needs.offer_not_found', message: '服务意向不存在' }],
    [withdrawn.id, 409, { code: 'CONFLICT', reason: 'needs.offer_withdrawn', message: '这项服务意向已撤回，请换一位邻居或直接发布到求助板' }],
    [foreign.id, 400, { code: 'INVALID_INPUT', reason: 'needs.offer_other_community', message: '只能请本社区的邻居帮忙' }],
    [own.id, 400, { code: 'INVALID_INPUT', reason: 'needs.own_offer', message: '不能请自己帮忙' }],
  ];
  for (const [offerId, status, error] of cases) {
    const result = await resident.call('needs', 'needs.post', needInput({ offerId }));
    expect([offerId, result.status, result.body]).toEqual([offerId, status, { ok: false, error: expect.objectContaining(error) }]);
  }
  const operator = await resident.call('needs', 'needs.post', needInput({ offerId: { $gt: '' } }));
  expect([operator.status, (operator.body as { ok: false; error: { code: string } }).error.code]).toEqual([400, 'INVALID_INPUT']);
  expect((await resident.call('needs', 'needs.declineAddressed', { needId: '../x' })).status).toBe(400);
  expect(snapshotDatabase(cloud.dataDir, BOOKKEEPING)).toBe(before);
  for (const openid of ['na-bad-author', 'na-bad-stranger', 'na-bad-resident']) expect(await allDocsOf(db, 'inbox', { userId: userIdOf(openid), kind: 'need_addressed' })).toEqual([]);
});
