/**
 * A subscribe message lost with its function is counted, never swallowed (issue 14 item 2: "failures
 * are logged and counted for staff, never swallowed"): a notice of a kind with a template is
 * written pending with the notice itself and settled by the send's outcome; one still pending
 * LOST_AFTER_MS on — the function ended between the inbox write and WeChat's answer — is recorded
 * once in notify_failures as errcode -3 and marked lost, and never sent again.
 */
import { resolveActor } from '../../cloudfunctions/_core/pipeline/actor';
import { LOST_AFTER_MS, LOST_ERRCODE, notifier, recordLostMessages, type Notice } from '../../cloudfunctions/_core/ports/notify';
import { Collections } from '../../cloudfunctions/_core/repositories/collections';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { startCloudForCore } from '../support/coreAgainstCloud';

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
beforeAll(async () => {
  cloud = await startCloudForCore();
  process.env.LINLI_TEMPLATE_SEAT_OFFER_ID = 'tpl-offer-lost-test';
});
afterAll(async () => {
  delete process.env.LINLI_TEMPLATE_SEAT_OFFER_ID;
  await cloud.close();
});

const inboxDoc = async (id: string) => (await database().collection(Collections.inbox).doc(id).get()).data[0] as { phone?: string | null } | undefined;
const failuresOf = async (id: string) => (await database().collection(Collections.notifyFailures).where({ _id: id }).get()).data as Array<{ errcode: number; communityId: string | null; kind: string }>;

function offer(userId: string, dedupeKey: string): Notice {
  return { userId, kind: 'seat_offer', params: { activity: '周末护河行动', hours: 12 }, link: 'pages/activity/index?id=a-1', dedupeKey };
}

test('a sent message is settled sent, a failed one failed, and neither is counted as lost', async () => {
  const her = await resolveActor('lost-test-resident');
  await notifier().notify(offer(her.userId, 'lost-test-sent'));
  expect((await inboxDoc('lost-test-sent'))?.phone).toBe('sent');

  // Nobody to send to (no such user, so no openid): recorded as a failure, settled failed.
  await notifier().notify(offer('u-nobody-lost-test', 'lost-test-failed'));
  expect((await inboxDoc('lost-test-failed'))?.phone).toBe('failed');
  expect((await failuresOf('lost-test-failed')).map((f) => f.errcode)).toEqual([-1]);

  const later = new Date(Date.now() + 2 * LOST_AFTER_MS);
  await recordLostMessages(later);
  expect((await inboxDoc('lost-test-sent'))?.phone).toBe('sent');
  expect(await failuresOf('lost-test-sent')).toEqual([]);
  expect((await failuresOf('lost-test-failed')).map((f) => f.errcode)).toEqual([-1]);
});

test('a notice still pending long after it was written is counted lost once, for her community', async () => {
  const her = await resolveActor('lost-test-resident-2');
  await database().collection(Collections.users).doc(her.userId).update({ homeCommunityId: 'cm-beiyuan' });
  const now = Date.now();
  const pending = (id: string, agoMs: number) => ({ _id: id, userId: her.userId, kind: 'seat_offer', title: '候补转正机会', body: '…', params: null, link: null, readAt: null, createdAt: new Date(now - agoMs), phone: 'pending' });
  // The function that wrote these ended before WeChat answered: one long ago, one just now.
  await database().collection(Collections.inbox).add([pending('lost-test-old', LOST_AFTER_MS + 60_000), pending('lost-test-new', 60_000)]);

  expect(await recordLostMessages(new Date(now))).toEqual({ lost: 1 });
  expect((await inboxDoc('lost-test-old'))?.phone).toBe('lost');
  expect(await failuresOf('lost-test-old')).toEqual([expect.objectContaining({ errcode: LOST_ERRCODE, communityId: 'cm-beiyuan' })]);
  // Too recent to call lost: its send may still be on its way.
  expect((await inboxDoc('lost-test-new'))?.phone).toBe('pending');
  expect(await failuresOf('lost-test-new')).toEqual([]);

  // Swept again: nothing new, nothing counted twice.
  expect(await recordLostMessages(new Date(now))).toEqual({ lost: 0 });
  expect(await failuresOf('lost-test-old')).toHaveLength(1);
});

test("a committee notice's message still pending long after its mark is counted lost once, for the notice's community", async () => {
  const now = Date.now();
  const mark = (id: string, agoMs: number) => ({ _id: id, noticeId: 'cn-lost-test', userId: 'u-lost-test-4', claimedAt: new Date(now - agoMs), communityId: 'cm-nanyuan', phone: 'pending' });
  await database().collection(Collections.noticeSends).add([mark('ns-lost-test-old', LOST_AFTER_MS + 60_000), mark('ns-lost-test-new', 60_000)]);

  expect(await recordLostMessages(new Date(now))).toEqual({ lost: 1 });
  expect(await failuresOf('ns-lost-test-old')).toEqual([expect.objectContaining({ kind: 'notice', errcode: LOST_ERRCODE, communityId: 'cm-nanyuan' })]);
  expect(((await database().collection(Collections.noticeSends).doc('ns-lost-test-old').get()).data[0] as { phone: string }).phone).toBe('lost');
  expect(((await database().collection(Collections.noticeSends).doc('ns-lost-test-new').get()).data[0] as { phone: string }).phone).toBe('pending');
  expect(await recordLostMessages(new Date(now))).toEqual({ lost: 0 });
});

test('a kind without a template is written without a pending message', async () => {
  const her = await resolveActor('lost-test-resident-3');
  await notifier().notify({ userId: her.userId, kind: 'signup_cancelled', params: { activity: '周末护河行动' }, link: null, dedupeKey: 'lost-test-no-template' });
  const doc = await inboxDoc('lost-test-no-template');
  expect(doc).toBeDefined();
  expect(doc?.phone ?? null).toBeNull();
});
