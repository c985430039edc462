/**
 * The activity's noticeboard poster over HTTP (`activities.poster`): time, place and group, and a
 * real mini-program code, read back here from the PNG, whose scene opens the activity. Only the
 * group's leadership gets one.
 */
import type { Poster } from '../../src/shared/schemas/common';
import type { ActivityDetail } from '../../src/shared/schemas/activities';
import { Client, cloudSuite, dataOf } from '../support/localCloud';
import { opened } from '../support/posterScan';

const suite = cloudSuite();
const HOUR = 3600_000;

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
