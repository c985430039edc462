/**
 * Dashboards at 1× and 10× a county's data: `dashboard.summary` for the county through the HTTP
 * face (its figures counted and summed by the database), with its database round trips per call,
 * against reading every document of the county the way the dashboard used to.
 */
import tcb from '@cloudbase/node-sdk';
import { performance } from 'node:perf_hooks';
import { Client } from '../../support/localCloud';
import { SeededRandom } from '../../support/seededRandom';
import { summarise, timeOp, type Row } from '../harness';
import type { BenchContext } from '../run';

const GROUP = 'Dashboards: a county at 1× and 10× its data';
const DAY = 24 * 3600_000;
/** One "×" of a county: groups, activities, hour records and hour corrections. */
const ONE_X = { groups: 1000, activities: 5000, hours: 10_000, corrections: 500 };

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

async function databaseRequests(ctx: BenchContext): Promise<number> {
  const health = (await (await fetch(`${ctx.cloud.url}/api/health`)).json()) as { database: { requestsAnswered: number } };
  return health.database.requestsAnswered;
}

/** Adds `scale` × ONE_X documents spread over the demo county's streets and communities. */
async function grow(db: Db, random: SeededRandom, scale: number, tag: string): Promise<number> {
  const regions = (await db.collection('regions').limit(1000).get()).data as Array<{ _id: string; level: string; parentId: string | null }>;
  const communities = regions.filter((r) => r.level === 'community');
  const countyId = regions.find((r) => r.level === 'county')!._id;
  const place = () => {
    const c = random.pick(communities);
    return { communityId: c._id, streetId: c.parentId!, countyId };
  };
  const now = Date.now();
  const around = (days: number) => new Date(now + (random.next() * 2 - 1) * days * DAY);
  const batch = async (collection: string, count: number, doc: (i: number) => Record<string, unknown>) => {
    for (let i = 0; i < count; i += 500) await db.collection(collection).add(Array.from({ length: Math.min(500, count - i) }, (_, j) => ({ _id: `${tag}-${collection}-${i + j}`, ...doc(i + j) })));
  };
  const types = ['service', 'charity', 'mutual_aid', 'safety', 'culture_sports', 'rural_tech', 'hub'];
  await batch('groups', ONE_X.groups * scale, () => ({
    ...place(),
    name: '统计小组',
    status: random.pick(['active', 'active', 'active', 'pending']),
    type: random.pick(types),
    managementLevel: random.pick(['community', 'filed', 'registered']),
    memberCount: random.int(0, 60),
    createdAt: around(90),
    ratings: random.chance(0.2) ? [{ year: new Date().getUTCFullYear(), excellent: true }] : [],
  }));
  await batch('activities', ONE_X.activities * scale, () => ({ ...place(), title: '统计活动', status: random.pick(['published', 'published', 'cancelled']), startAt: around(60), confirmedCount: random.int(0, 40) }));
  await batch('hour_records', ONE_X.hours * scale, () => ({ ...place(), state: random.pick(['confirmed', 'confirmed', 'pending']), minutes: random.int(30, 240), recordedAt: around(10) }));
  await batch('hour_corrections', ONE_X.corrections * scale, () => ({ ...place(), state: random.pick(['pending', 'approved']), createdAt: around(10) }));
  return (ONE_X.groups + ONE_X.activities + ONE_X.hours + ONE_X.corrections) * scale;
}

/** What the dashboard used to do: every document of the county, a thousand a round trip. */
async function readEverything(db: Db, countyId: string): Promise<number> {
  let trips = 0;
  for (const collection of ['groups', 'activities', 'hour_records', 'hour_corrections']) {
    for (let after: string | null = null; ; ) {
      const where: Record<string, unknown> = after === null ? { countyId } : { countyId, _id: db.command.gt(after) };
      const { data } = (await db.collection(collection).where(where).orderBy('_id', 'asc').limit(1000).get()) as { data: Array<{ _id: string }> };
      trips += 1;
      if (data.length < 1000) break;
      after = data[data.length - 1]!._id;
    }
  }
  return trips;
}

export async function dashboardScenarios(ctx: BenchContext): Promise<Row[]> {
  const db = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${ctx.cloud.url}/tcb/admin` }).database();
  const county = await Client.signIn(ctx.cloud.url, 'demo-county');
  const random = new SeededRandom(20261206);
  const summary = async () => {
    const res = await county.call('console', 'dashboard.summary', { regionId: 'cty-linxi' }, null);
    if (!res.body.ok) throw new Error(JSON.stringify(res.body));
  };
  const rows: Row[] = [];
  let documents = 0;
  for (const [scale, grown] of [[1, 1], [10, 9]] as const) {
    documents += await grow(db, random, grown, `bench-dash-${scale}`);
    await summary();
    // Round trips of one call, measured alone (the local cloud answers nothing else meanwhile).
    const before = await databaseRequests(ctx);
    await summary();
    const trips = (await databaseRequests(ctx)) - before;
    const latencies = await timeOp(summary, { iterations: 40, warmup: 5 });
    const started = performance.now();
    const everythingTrips = await readEverything(db, 'cty-linxi');
    const everythingMs = performance.now() - started;
    rows.push(
      summarise(GROUP, `\`dashboard.summary\` of the county at ${scale}× (${documents.toLocaleString('en')} documents)`, latencies, {
        baseline: { name: `reading every document, ${everythingTrips} round trips`, median: everythingMs },
        note: `${trips} database round trips per call (the same at any size); figures counted and summed by the database`,
      }),
    );
  }
  return rows;
}
