/**
 * The platform ports against the local cloud: the same code that runs on CloudBase, its WeChat
 * calls answered by the emulated WeChat (cloudfunctions/_local/wechat).
 */
import QRCode from 'qrcode';
import { assertContentAllowed, contentChecker, WeChatChecker } from '../../cloudfunctions/_core/ports/contentCheck';
import { notifier, SubscribeMessageNotifier, type Notice } from '../../cloudfunctions/_core/ports/notify';
import { MiniProgramCodes, qrCodes } from '../../cloudfunctions/_core/ports/qrCode';
import { fileStore } from '../../cloudfunctions/_core/ports/storage';
import { keywordProblem, formatKeyword } from '../../cloudfunctions/_core/ports/wechat/keywords';
import { templateMessageOf } from '../../cloudfunctions/_core/ports/wechat/templates';
import { Collections } from '../../cloudfunctions/_core/repositories/collections';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { startCloudForCore } from '../support/coreAgainstCloud';

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
beforeAll(async () => {
  cloud = await startCloudForCore();
});
afterAll(async () => cloud.close());

const dev = async <T>(path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${cloud.url}/api/dev/wechat/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  return ((await response.json()) as { data: T }).data;
};

test('one checker: msgSecCheck v2 through the cloud-call bridge', () => {
  expect(contentChecker()).toBeInstanceOf(WeChatChecker);
});

describe('content check (msgSecCheck v2, answered locally from the word list)', () => {
  test('passes ordinary text, asks to rephrase on review words, refuses risky words even when spaced out', async () => {
    const checker = new WeChatChecker();
    expect(await checker.check('周六上午在北苑广场教太极拳，欢迎参加', 3, 'o1')).toEqual({ suggest: 'pass', label: '100' });
    expect(await checker.check('免费领取鸡蛋！', 3, 'o1')).toEqual({ suggest: 'review', label: '10001' });
    expect(await checker.check('一起来 赌 博 吧', 3, 'o1')).toEqual({ suggest: 'risky', label: '20006' });
  });

  test('words added to the collection take effect', async () => {
    await database().collection(Collections.contentWords).add({ word: '假药', level: 'risky', label: 'fraud' });
    expect(await new WeChatChecker().check('便宜假药', 3, 'o1')).toEqual({ suggest: 'risky', label: '20008' });
  });

  test('assertContentAllowed names the field and the reason', async () => {
    await expect(assertContentAllowed({ title: '好活动', body: '刷单赚钱' }, 3, 'o1')).rejects.toMatchObject({
      code: 'CONTENT_REJECTED',
      issues: [{ path: 'body', message: '内容含有违规信息，无法发布' }],
    });
    await expect(assertContentAllowed({ title: '免费领取' }, 3, 'o1')).rejects.toMatchObject({ code: 'CONTENT_REVIEW' });
    await expect(assertContentAllowed({ title: '邻里读书会' }, 3, 'o1')).resolves.toBeUndefined();
  });
});

describe('subscribe messages', () => {
  /** A seat offer to the test's user, as the waitlist writes it (kind and params; text from the catalogue). */
  const offer = (dedupeKey: string, link: string | null = null): Notice => ({ userId: 'u-notify', kind: 'seat_offer', params: { activity: '太极拳晨练', hours: 12 }, link, dedupeKey });

  test('keyword rules as WeChat documents them, and values fitted to them', () => {
    expect(keywordProblem('thing1', '一'.repeat(20))).toBeNull();
    expect(keywordProblem('thing1', '一'.repeat(21))).toMatch('at most 20');
    expect(keywordProblem('phrase2', '已通过')).toBeNull();
    expect(keywordProblem('phrase2', '已经通过了审核')).toMatch('phrase');
    expect(keywordProblem('time3', '2026年12月6日 15:01')).toBeNull();
    expect(keywordProblem('time3', '明天下午')).toMatch('time');
    expect(keywordProblem('character_string4', 'x'.repeat(33))).toMatch('32');
    expect(keywordProblem('foo1', 'x')).toMatch('unknown');
    expect(formatKeyword('thing1', '一'.repeat(30))).toHaveLength(20);
    expect(formatKeyword('time2', new Date('2026-12-06T07:01:00Z'))).toBe('2026年12月6日 15:01');
  });

  test('a kind without a template id stays in the inbox; one with an id maps its keys', () => {
    delete process.env.LINLI_TEMPLATE_NOPE_ID;
    expect(templateMessageOf({ kind: 'nope', title: 't', body: 'b' }, new Date())).toBeNull();
    process.env.LINLI_TEMPLATE_REMINDER_ID = 'tpl-reminder';
    process.env.LINLI_TEMPLATE_REMINDER_KEYS = 'thing1:title,time2:sentAt,phrase3:=提醒';
    expect(templateMessageOf({ kind: 'reminder_day', title: '活动提醒', body: 'b' }, new Date('2026-12-06T07:01:00Z'))).toEqual({
      templateId: 'tpl-reminder',
      data: { thing1: { value: '活动提醒' }, time2: { value: '2026年12月6日 15:01' }, phrase3: { value: '提醒' } },
    });
  });

  test('a notice lands in the inbox and on the phone once per dedupe key, to the openid of its user', async () => {
    process.env.LINLI_TEMPLATE_SEAT_OFFER_ID = 'tpl-offer';
    await database().collection(Collections.users).add({ _id: 'u-notify', openid: 'o-notify', nickname: 'n' });
    const notice = offer('offer-1-u-notify', 'pages/me/index');
    await notifier().notify(notice);
    await notifier().notify(notice);
    const { data } = await database().collection(Collections.inbox).where({ userId: 'u-notify' }).get();
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ title: '候补转正机会', body: '「太极拳晨练」有空位了，请在 12 小时内确认', readAt: null });
    const sent = await dev<Array<Record<string, unknown>>>('messages?openid=o-notify');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ templateId: 'tpl-offer', page: 'pages/me/index', data: { thing1: { value: '候补转正机会' }, thing2: { value: '「太极拳晨练」有空位了，请在 12 小…' } } });
  });

  test('a refused subscription is counted, never thrown; the inbox still has the notice', async () => {
    await dev('faults', { faults: [{ api: 'subscribeMessage.send', errcode: 43101 }] });
    const notice = offer('offer-2-u-notify');
    await expect(notifier().notify(notice)).resolves.toBeUndefined();
    const { data: failures } = await database().collection(Collections.notifyFailures).where({ _id: 'offer-2-u-notify' }).get();
    expect(failures[0]).toMatchObject({ userId: 'u-notify', kind: 'seat_offer', errcode: 43101 });
    expect((await database().collection(Collections.inbox).doc('offer-2-u-notify').get()).data).toHaveLength(1);
  });

  test('a WeChat that does not answer (timeout) is counted like any refusal; the action goes on', async () => {
    process.env.LINLI_WX_TIMEOUT_MS = '200';
    await dev('faults', { faults: [{ api: 'subscribeMessage.send', errcode: 'timeout', delayMs: 20_000 }] });
    try {
      await notifier().notify(offer('offer-3-u-notify'));
    } finally {
      delete process.env.LINLI_WX_TIMEOUT_MS;
    }
    const { data } = await database().collection(Collections.notifyFailures).doc('offer-3-u-notify').get();
    expect(data[0]).toMatchObject({ errcode: -1 });
  });

  test('after three unreachable answers in a row an instance pauses sending, counting what it skips', async () => {
    process.env.LINLI_WX_TIMEOUT_MS = '200';
    await dev('faults', { faults: [{ api: 'subscribeMessage.send', errcode: 'timeout', delayMs: 20_000, times: 3 }] });
    const instance = new SubscribeMessageNotifier();
    const sentBefore = (await dev<unknown[]>('messages?openid=o-notify')).length;
    try {
      for (let i = 1; i <= 4; i += 1) await instance.notify(offer(`outage-${i}`));
    } finally {
      delete process.env.LINLI_WX_TIMEOUT_MS;
    }
    const { data } = await database().collection(Collections.notifyFailures).where({ _id: database().RegExp({ regexp: '^outage-' }) }).get();
    expect(data.map((f) => [f._id, f.errcode]).sort()).toEqual([['outage-1', -1], ['outage-2', -1], ['outage-3', -1], ['outage-4', -2]]);
    expect(await dev<unknown[]>('messages?openid=o-notify')).toHaveLength(sentBefore);
  });

  test('the local page lists what was sent', async () => {
    const html = await (await fetch(`${cloud.url}/api/dev/wechat/messages.html`)).text();
    expect(html).toContain('tpl-offer');
    expect(html).toContain('o-notify');
  });

  test('data WeChat would refuse (47003) fails locally too', async () => {
    // A template whose letter keyword cannot take the (Chinese) title.
    process.env.LINLI_TEMPLATE_LEADERSHIP_ID = 'tpl-bad';
    process.env.LINLI_TEMPLATE_LEADERSHIP_KEYS = 'letter1:title';
    await notifier().notify({ userId: 'u-notify', kind: 'leadership', params: { group: '园艺小组' }, link: null, dedupeKey: 'bad-1' });
    const { data } = await database().collection(Collections.notifyFailures).doc('bad-1').get();
    expect(data[0]).toMatchObject({ errcode: 47003 });
  });
});

test('mini-program codes: a real PNG of page?scene=, recorded by the emulated WeChat; bad scenes are refused', async () => {
  const image = await qrCodes().forPage('package-leader/pages/checkin/index', 'a1b2c3');
  expect(image.payload).toBe('package-leader/pages/checkin/index?scene=a1b2c3');
  expect(image.src.startsWith('data:image/png;base64,')).toBe(true);
  // Re-encoding the payload gives the same image: the code really carries page and scene.
  expect(image.png.equals(await QRCode.toBuffer(image.payload, { errorCorrectionLevel: 'M', margin: 2, width: 430 }))).toBe(true);
  const codes = await dev<Array<Record<string, unknown>>>('codes');
  expect(codes.some((c) => c.scene === 'a1b2c3' && c.page === 'package-leader/pages/checkin/index')).toBe(true);
  await expect(qrCodes().forPage('pages/x', 'x'.repeat(33))).rejects.toThrow('scene must be 1-32');
});

test("mini-program codes travel as bytes through wx.openApi (wx-server-sdk's protocol); WeChat's errors and timeouts come back as errors", async () => {
  const codes = new MiniProgramCodes();
  // A page WeChat refuses (41030 for a leading slash after our normalising is impossible, so a fault) and a timeout.
  await dev('faults', { faults: [{ api: 'wxacode.getUnlimited', errcode: 45009 }] });
  await expect(codes.forPage('pages/activity/index', 'err1')).rejects.toMatchObject({ name: 'WxApiError', errcode: 45009 });
  await dev('faults', { faults: [{ api: 'wxacode.getUnlimited', errcode: 'timeout', delayMs: 20_000 }] });
  process.env.LINLI_WX_TIMEOUT_MS = '300';
  try {
    await expect(codes.forPage('pages/activity/index', 'slow1')).rejects.toMatchObject({ name: 'WxApiError', errcode: -1 });
  } finally {
    delete process.env.LINLI_WX_TIMEOUT_MS;
    await dev('faults', { faults: [] });
  }
  // The same call then answers a PNG whose bytes survived the trip (a JSON string could not carry them).
  const image = await codes.forPage('pages/activity/index', 'ok1');
  expect(image.png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(image.png.equals(await QRCode.toBuffer('pages/activity/index?scene=ok1', { errorCorrectionLevel: 'M', margin: 2, width: 430 }))).toBe(true);
});

test('files round-trip through storage and temporary URLs serve them over HTTP', async () => {
  const fileId = await fileStore().upload('avatars/test/me.txt', Buffer.from('头像'));
  const urls = await fileStore().temporaryUrls([fileId]);
  const response = await fetch(encodeURI(urls.get(fileId)!));
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('头像');
  const tampered = await fetch(encodeURI(urls.get(fileId)!.replace(/sign=\w+/, 'sign=00000000000000000000000000000000')));
  expect(tampered.status).toBe(404);
  await fileStore().remove([fileId]);
  expect((await fileStore().temporaryUrls([fileId])).size).toBe(0);
});
