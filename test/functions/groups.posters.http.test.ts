/**
 * The group's noticeboard poster over HTTP (`groups.poster`): it answers a real mini-program code,
 * read back here from the PNG; the scene opens the group the poster names. Only the group's
 * leadership gets one; a group nobody may see answers NOT_FOUND.
 */
import type { Poster } from '../../src/shared/schemas/common';
import type { GroupDetail } from '../../src/shared/schemas/groups';
import { Client, cloudSuite, dataOf } from '../support/localCloud';
import { opened } from '../support/posterScan';
import { issuedCodes } from '../support/wechat';

const suite = cloudSuite();

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
