/**
 * Browsing groups under CloudBase's model (the local cloud's default): a page of group cards
 * costs two sequential round trips — the caller's mark, then the page, its count and her
 * memberships side by side — and the cards still say which groups are hers.
 */
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud, functionUsageOf } from '../support/localCloud';

let cloud: RunningCloud;
beforeAll(async () => {
  cloud = await startCloud();
});
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

const usageOf = (fn: string) => functionUsageOf(cloud.url, fn);

test('a page of groups costs two round trips and marks the groups she joined', async () => {
  const resident = await Client.signIn(cloud.url, 'gb-resident');
  await dataOf(resident.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' }));
  await dataOf(resident.call('groups', 'groups.join', { groupId: 'g-beiyuan-taiji' }));
  const list = () => dataOf<{ items: Array<{ id: string; myMembership: { status: string } | null }> }>(resident.call('groups', 'groups.list', { area: 'community' }, null));
  const cards = (await list()).items;
  expect(cards.find((g) => g.id === 'g-beiyuan-taiji')?.myMembership?.status).toBe('active');
  expect(cards.filter((g) => g.id !== 'g-beiyuan-taiji').every((g) => g.myMembership === null)).toBe(true);

  const before = await usageOf('groups');
  for (let i = 0; i < 5; i += 1) await list();
  const after = await usageOf('groups');
  expect({ calls: after.calls - before.calls, trips: (after.cloudTrips - before.cloudTrips) / 5 }).toEqual({ calls: 5, trips: 2 });
});
