/**
 * Noticeboard posters over HTTP: `groups.poster` and `activities.poster` answer a real
 * mini-program code (the emulated WeChat's getUnlimited draws a QR of `page?scene=…`), read back
 * here from the PNG: the scene opens the same group or activity the poster names. Only the
 * group's leadership gets one; a group nobody may see answers NOT_FOUND.
 */
import type { Poster } from '../../src/shared/schemas/common';
import type { GroupDetail } from '../../src/shared/schemas/groups';
import type { ActivityDetail } from '../../src/shared/schemas/activities';
import { pageIdOf } from '../../src/utils/posterScene';
import { Client, cloudSuite, dataOf } from '../support/localCloud';
import { readQrDataUrl } from '../support/qrRead';
import { issuedCodes } from '../support/wechat';

const suite = cloudSuite();
const HOUR = 3600_000;

/** What a scanned code opens: its page and the id the page reads from the scene (URL-encoded by WeChat). */
function opened(poster: Poster): { page: string; id: string } {
  const text = readQrDataUrl(poster.code.image);
  if (!text) throw new Error('no QR code in the poster image');
  const [page, query] = text.split('?');
  const scene = new URLSearchParams(query).get('scene') ?? '';
  return { page: page!, id: pageIdOf({ scene: encodeURIComponent(scene) }) };
}

test("a group's poster: its code opens the group's page; only its leadership may make one", async () => {
  const leader = await Client.signIn(suite.cloud.url, 'demo-leader');
  const poster = await dataOf<Poster>(leader.call('groups', 'groups.poster', { groupId: 'g-beiyuan-taiji' }, null));
  expect(poster).toMatchObject({ title: '北苑晨练太极队', groupName: '北苑晨练太极队', startAt: null, place: '北苑中心广场（城关街道北苑路 1 号）' });
  expect(poster.code).toMatchObject({ page: 'pages/group/index', scene: 'g-beiyuan-taiji' });
  const scanned = opened(poster);
  expect(scanned).toEqual({ page: 'pages/group/index', id: 'g-beiyuan-taiji' });
  const group = await dataOf<GroupDetail>(leader.call('groups', 'groups.get', { groupId: scanned.id }, null));
  expect(group.name).toBe(poster.title);
  expect((await issuedCodes(suite.cloud.url)).some((c) => c.page === 'pages/group/index' && c.scene === 'g-beiyuan-taiji')).toBe(true);

  const resident = await Client.signIn(suite.cloud.url, 'demo-resident');
  const refused = await resident.call('groups', 'groups.poster', { groupId: 'g-beiyuan-taiji' }, null);
  expect([refused.status, !refused.body.ok && refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
  const missing = await leader.call('groups', 'groups.poster', { groupId: 'g-nowhere' }, null);
  expect([missing.status, !missing.body.ok && missing.body.error.code]).toEqual([404, 'NOT_FOUND']);
  const bad = await leader.call('groups', 'groups.poster', { groupId: 'g beiyuan' }, null);
  expect([bad.status, !bad.body.ok && bad.body.error.code]).toEqual([400, 'INVALID_INPUT']);
});

test("an activity's poster: time, place and group, and a code that opens the activity", async () => {
  const leader = await Client.signIn(suite.cloud.url, 'demo-leader');
  const startAt = new Date(Date.now() + 72 * HOUR);
  const created = await dataOf<{ ids: string[] }>(
    leader.call('activities', 'activities.create', {
      groupId: 'g-beiyuan-taiji',
      title: '太极拳公开课',
      description: '面向零基础街坊的太极拳公开课，欢迎全家一起来。',
      category: 'sports',
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + 2 * HOUR).toISOString(),
      location: { name: '北苑中心广场', address: '北苑路 1 号' },
      capacity: 30,
    }),
  );
  const activityId = created.ids[0]!;
  const poster = await dataOf<Poster>(leader.call('activities', 'activities.poster', { activityId }, null));
  expect(poster).toMatchObject({ title: '太极拳公开课', groupName: '北苑晨练太极队', startAt: startAt.toISOString(), place: '北苑中心广场（北苑路 1 号）' });
  expect(poster.code.scene.length).toBeLessThanOrEqual(32);
  const scanned = opened(poster);
  expect(scanned).toEqual({ page: 'pages/activity/index', id: activityId });
  const activity = await dataOf<ActivityDetail>(leader.call('activities', 'activities.get', { activityId: scanned.id }, null));
  expect(activity.title).toBe(poster.title);

  const resident = await Client.signIn(suite.cloud.url, 'demo-resident');
  const refused = await resident.call('activities', 'activities.poster', { activityId }, null);
  expect([refused.status, !refused.body.ok && refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
});
