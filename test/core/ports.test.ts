/** The local implementations of the platform ports, against the emulator. */
import QRCode from 'qrcode';
import { assertContentAllowed, contentChecker, WordListChecker } from '../../cloudfunctions/_core/ports/contentCheck';
import { notifier } from '../../cloudfunctions/_core/ports/notify';
import { qrCodes } from '../../cloudfunctions/_core/ports/qrCode';
import { fileStore } from '../../cloudfunctions/_core/ports/storage';
import { platform } from '../../cloudfunctions/_core/ports/platform';
import { Collections } from '../../cloudfunctions/_core/repositories/collections';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { startCloudForCore } from '../support/coreAgainstCloud';

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
beforeAll(async () => {
  cloud = await startCloudForCore();
});
afterAll(async () => cloud.close());

test('the platform is chosen by configuration', () => {
  expect(platform()).toBe('local');
  expect(contentChecker()).toBeInstanceOf(WordListChecker);
});

describe('content check (local word list)', () => {
  test('passes ordinary text, asks to rephrase on review words, refuses risky words even when spaced out', async () => {
    const checker = new WordListChecker();
    expect(await checker.check('周六上午在北苑广场教太极拳，欢迎参加')).toEqual({ suggest: 'pass', label: null });
    expect(await checker.check('免费领取鸡蛋！')).toEqual({ suggest: 'review', label: 'spam' });
    expect(await checker.check('一起来 赌 博 吧')).toEqual({ suggest: 'risky', label: 'gambling' });
  });

  test('words added to the collection take effect', async () => {
    await database().collection(Collections.contentWords).add({ word: '假药', level: 'risky', label: 'fraud' });
    expect(await new WordListChecker().check('便宜假药')).toEqual({ suggest: 'risky', label: 'fraud' });
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

test('notices land in the inbox once per dedupe key', async () => {
  const notice = { userId: 'u-notify', kind: 'offer', title: '候补转正', body: '请在 12 小时内确认', link: 'pages/me/index', dedupeKey: 'offer-1-u-notify' };
  await notifier().notify(notice);
  await notifier().notify(notice);
  const { data } = await database().collection(Collections.inbox).where({ userId: 'u-notify' }).get();
  expect(data).toHaveLength(1);
  expect(data[0]).toMatchObject({ title: '候补转正', readAt: null });
});

test('QR codes encode the H5 page URL of the scene; bad scenes are refused', async () => {
  const image = await qrCodes().forPage('package-leader/pages/checkin/index', 'a1b2c3');
  expect(image.payload).toBe(`${cloud.url}/#/package-leader/pages/checkin/index?scene=a1b2c3`);
  expect(image.src.startsWith('data:image/png;base64,')).toBe(true);
  // Re-encoding the payload gives the same image: the code really carries the URL.
  expect(await QRCode.toDataURL(image.payload, { errorCorrectionLevel: 'M', margin: 2, width: 480 })).toBe(image.src);
  await expect(qrCodes().forPage('pages/x', 'x'.repeat(33))).rejects.toThrow('scene must be 1-32');
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
