/**
 * Group discovery at scale: 10k groups across 500 communities (25 streets × 20), then
 * `groups.list` through the HTTP face — my community, nearby (my street), by type, by search —
 * with the same page read directly from SQLite as the baseline.
 */
import Database from 'better-sqlite3';
import tcb from '@cloudbase/node-sdk';
import { join } from 'node:path';
import { Client } from '../../support/localCloud';
import { describePerCall, instanceModeOf, roundTripsPerCall, summarise, timeOp, type Row } from '../harness';
import type { BenchContext } from '../run';

const STREETS = 25;
const COMMUNITIES_PER_STREET = 20;
const GROUPS_PER_COMMUNITY = 20;
const TYPES = ['service', 'charity', 'mutual_aid', 'safety', 'culture_sports', 'rural_tech'] as const;

export async function groupScenarios(ctx: BenchContext): Promise<Row[]> {
  // Measured under the cloud's mode (CloudBase's model by default); the section without the
  // prefix keeps the figures measured in the shared mode before.
  const mode = await instanceModeOf(ctx.cloud.url);
  const group = `${mode.startsWith('CloudBase') ? "Under CloudBase's model: group" : 'Group'} discovery: ${STREETS * COMMUNITIES_PER_STREET * GROUPS_PER_COMMUNITY} groups across ${STREETS * COMMUNITIES_PER_STREET} communities`;
  const db = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${ctx.cloud.url}/tcb/admin` }).database();
  const regions = db.collection('regions');
  const groups = db.collection('groups');
  const epoch = new Date('2026-01-01T00:00:00Z');
  await regions.add({ _id: 'bench-county', name: '基准县', level: 'county', parentId: null, ancestorIds: [], kind: null });
  for (let s = 0; s < STREETS; s += 1) {
    const streetId = `bench-st-${s}`;
    await regions.add({ _id: streetId, name: `基准街道${s}`, level: 'street', parentId: 'bench-county', ancestorIds: ['bench-county'], kind: null });
    const communities = Array.from({ length: COMMUNITIES_PER_STREET }, (_, c) => ({
      _id: `bench-cm-${s}-${c}`,
      name: `基准社区${s}-${c}`,
      level: 'community',
      parentId: streetId,
      ancestorIds: ['bench-county', streetId],
      kind: c % 3 === 0 ? 'rural' : 'urban',
    }));
    await regions.add(communities);
    const docs = communities.flatMap((community, c) =>
      Array.from({ length: GROUPS_PER_COMMUNITY }, (_, g) => ({
        _id: `bench-g-${s}-${c}-${g}`,
        name: `${community.name}${['太极队', '读书会', '巡逻队', '互助会', '舞蹈队'][g % 5]}${g}`,
        type: TYPES[g % TYPES.length],
        managementLevel: 'community',
        registrationNumber: null,
        filingNumber: null,
        communityId: community._id,
        streetId,
        countyId: 'bench-county',
        description: '基准数据：每周活动，欢迎邻居参加。',
        tags: ['基准', g % 2 ? '助老' : '文体'],
        coverImage: null,
        contact: null,
        joinPolicy: 'open',
        noShowLimit: 3,
        cancelCutoffHours: 24,
        status: g % 10 === 9 ? 'pending' : 'active',
        leaderId: null,
        memberCount: (s * 7 + c * 3 + g * 11) % 97,
        createdAt: epoch,
        updatedAt: epoch,
      })),
    );
    await groups.add(docs);
  }

  const rows: Row[] = [];
  // 600 reads a minute is the per-user read limit: spread the calls over several users.
  const clients = await Promise.all(Array.from({ length: 10 }, (_, i) => Client.signIn(ctx.cloud.url, `bench-group-browser-${i}`)));
  for (const client of clients) await client.call('account', 'account.updateProfile', { homeCommunityId: 'bench-cm-12-7' });
  let turn = 0;
  const call = async (input: Record<string, unknown>) => {
    turn += 1;
    const { body } = await clients[turn % clients.length]!.call('groups', 'groups.list', input, null);
    if (!body.ok) throw new Error(JSON.stringify(body));
  };
  const raw = new Database(join(ctx.cloud.dataDir, 'linli.sqlite'), { readonly: true });
  const rawPage = raw.prepare(
    `SELECT doc FROM c_groups WHERE json_extract(doc, '$.streetId') = ? AND json_extract(doc, '$.status') = 'active'
     ORDER BY json_extract(doc, '$.memberCount') DESC, id LIMIT 20`,
  );
  const baseline = summarise('', '', await timeOp((i) => (rawPage.all(`bench-st-${Math.abs(i) % STREETS}`) as Array<{ doc: string }>).map((r) => JSON.parse(r.doc)), { iterations: 500 }));
  const scenarios: Array<[string, Record<string, unknown>]> = [
    ['`groups.list` my community (20 groups)', { area: 'community' }],
    ['`groups.list` nearby: my street (400 groups), page of 20', { area: 'nearby' }],
    ['`groups.list` nearby, page 5', { area: 'nearby', offset: 80 }],
    ['`groups.list` nearby + type filter', { area: 'nearby', type: 'safety' }],
    ['`groups.list` nearby + search text', { area: 'nearby', q: '读书' }],
  ];
  for (const [name, input] of scenarios) {
    const latencies = await timeOp(() => call(input), { iterations: 300, warmup: 10 });
    const trips = await roundTripsPerCall(ctx.cloud.url, 'groups', 20, () => call(input));
    rows.push(summarise(group, name, latencies, { baseline: { name: 'SQLite page (street, indexed)', median: baseline.median }, note: `${describePerCall(trips)}; ${mode}; goal ≤ 2` }));
  }
  raw.close();
  return rows;
}
