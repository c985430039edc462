/** Reading every matching document: pages by id past the 1,000 cap, then the order asked for. */
import { allMatching } from '../../cloudfunctions/_core/repositories/allMatching';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { startCloudForCore } from '../support/coreAgainstCloud';

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
beforeAll(async () => {
  cloud = await startCloudForCore();
});
afterAll(async () => cloud.close());

test('2,500 matching documents come back once each, sorted by the field asked for; others stay out', async () => {
  const docs = Array.from({ length: 2600 }, (_, i) => ({
    _id: `am-${String(i).padStart(5, '0')}`,
    communityId: i < 2500 ? 'cm-am-1' : 'cm-am-2',
    // Out of id order on purpose, with ties broken by id.
    createdAt: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 500) * 60_000),
  }));
  for (let i = 0; i < docs.length; i += 500) await database().collection('hour_records').add(docs.slice(i, i + 500));

  const found = await allMatching<{ _id: string; createdAt: Date }>('hour_records', { communityId: 'cm-am-1' }, { field: 'createdAt', direction: 'desc' });
  expect(found).toHaveLength(2500);
  expect(new Set(found.map((d) => d._id)).size).toBe(2500);
  for (let i = 1; i < found.length; i += 1) {
    const [a, b] = [found[i - 1]!, found[i]!];
    expect(a.createdAt.getTime() > b.createdAt.getTime() || (a.createdAt.getTime() === b.createdAt.getTime() && a._id < b._id)).toBe(true);
  }
  await expect(allMatching('hour_records', { _id: 'am-00001' })).rejects.toThrow(/chunks/);
});
