/**
 * Dashboards computed by the database (aggregate, count) equal the figures computed by brute
 * force from every document of a county built with known, seeded-random data — at the county, a
 * street and a community — and cost the same bounded number of database round trips when the
 * county holds three times as much (past the 1,000 documents a query pages at). Then that
 * county's export, as a job, over HTTP.
 */
import ExcelJS from 'exceljs';
import type { DashboardOutput, ExportOutput } from '../../src/shared/schemas/console';
import { allDocsOf, databaseOf, type Db } from '../support/fixtures';
import { Client, dataOf, healthOf, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';
import { SeededRandom } from '../support/seededRandom';

const DAY = 24 * 3600_000;
const SEED = Number(process.env.DASHBOARD_SEED ?? 20261206);
/** Round trips one dashboard may take: the actor, the region tree and the figures (10 side by side), the needs board's two and care's two (issue 18). */
const ROUND_TRIP_BOUND = 16;

interface Region { _id: string; level: 'county' | 'street' | 'community'; kind?: string; parentId: string | null; ancestorIds: string[]; name: string }
type Placed = { communityId: string | null; streetId: string; countyId: string };
interface Group extends Placed { _id: string; status: string; type: string; managementLevel: string; memberCount: number; createdAt: Date; ratings: Array<{ year: number; excellent: boolean }> }
interface Activity extends Placed { _id: string; status: string; startAt: Date; confirmedCount: number }
interface Hour extends Placed { _id: string; state: string; minutes: number; recordedAt: Date }
interface Correction extends Placed { _id: string; state: string; createdAt: Date }
interface Account { _id: string; kind: string; balance: number }
interface CarePerson extends Placed { _id: string; status: string; dueDay: string }
interface CareVisit extends Placed { _id: string; month: string; onTime: boolean }
/** China calendar day and month of an instant. */
const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

let cloud: RunningCloud;
let db: Db;
let county: Client;
const now = new Date();
beforeAll(async () => {
  // One function instance: every call finds the region tree where the previous one cached it.
  cloud = await startCloud({ env: { LINLI_FUNCTION_INSTANCES: '0' } });
  db = databaseOf(cloud);
  county = await Client.signIn(cloud.url, 'demo-county');
});
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

/** The dashboard as it was computed before aggregates: from every document of the region. */
async function bruteForce(regionId: string, year: number): Promise<Omit<DashboardOutput, 'region'>> {
  const regions = await allDocsOf<Region>(db, 'regions', {});
  const region = regions.find((r) => r._id === regionId)!;
  const field = region.level === 'community' ? 'communityId' : region.level === 'street' ? 'streetId' : 'countyId';
  const groups = await allDocsOf<Group>(db, 'groups', { [field]: regionId });
  const live = groups.filter((g) => g.status === 'active');
  const activities = await allDocsOf<Activity>(db, 'activities', { [field]: regionId });
  const hours = await allDocsOf<Hour>(db, 'hour_records', { [field]: regionId });
  const corrections = await allDocsOf<Correction>(db, 'hour_corrections', { [field]: regionId, state: 'pending' });
  const below = regions.filter((r) => r._id === regionId || r.ancestorIds.includes(regionId));
  const accountIds = below.filter((r) => r.level !== 'county').flatMap((r) => [`iss-${r._id}`, `store-${r._id}`]);
  const accounts = (await allDocsOf<Account>(db, 'ledger_accounts', {})).filter((a) => accountIds.includes(a._id));
  const count = <T,>(items: T[], key: (t: T) => string) => items.reduce<Record<string, number>>((out, t) => ({ ...out, [key(t)]: (out[key(t)] ?? 0) + 1 }), {});
  const rural = below.filter((r) => r.level === 'community' && r.kind === 'rural');
  const ruralWith = rural.filter((c) => live.some((g) => g.communityId === c._id && g.ratings.some((r) => r.year === year && r.excellent)));
  const streets = below.filter((r) => r.level === 'street');
  const hubbed = streets.filter((s) => live.some((g) => g.type === 'hub' && g.streetId === s._id));
  const childField = region.level === 'county' ? 'streetId' : 'communityId';
  const needDocs = await allDocsOf<NeedDoc>(db, 'needs', { [field]: regionId });
  const waiting = [...hours.filter((h) => h.state === 'pending').map((h) => h.recordedAt), ...corrections.map((c) => c.createdAt)];
  const inCare = (await allDocsOf<CarePerson>(db, 'care_recipients', { [field]: regionId })).filter((p) => p.status === 'active');
  const visits = await allDocsOf<CareVisit>(db, 'care_visits', { [field]: regionId });
  const [y, m] = chinaDay(now).split('-').map(Number) as [number, number];
  const months = Array.from({ length: 6 }, (_, i) => new Date(Date.UTC(y, m - 6 + i, 1)).toISOString().slice(0, 7));
  const isOverdue = (p: CarePerson) => p.dueDay < chinaDay(now);
  const careCommunities = regions.filter((r) => inCare.some((p) => p.communityId === r._id)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    groups: {
      total: live.length,
      byType: count(live, (g) => g.type),
      byLevel: count(live, (g) => g.managementLevel),
      newLast30Days: live.filter((g) => g.createdAt.getTime() >= now.getTime() - 30 * DAY).length,
      pendingReview: groups.filter((g) => g.status === 'pending').length,
    },
    members: live.reduce((sum, g) => sum + g.memberCount, 0),
    activities: {
      upcoming: activities.filter((a) => a.status === 'published' && a.startAt.getTime() >= now.getTime()).length,
      last30Days: activities.filter((a) => a.status === 'published' && a.startAt.getTime() < now.getTime() && a.startAt.getTime() >= now.getTime() - 30 * DAY).length,
      signups: activities.reduce((sum, a) => sum + a.confirmedCount, 0),
    },
    volunteerHours: Math.round((hours.filter((h) => h.state === 'confirmed').reduce((sum, h) => sum + h.minutes, 0) / 60) * 10) / 10,
    hourReviews: { pending: waiting.length, overdue: waiting.filter((at) => now.getTime() - at.getTime() > 3 * DAY).length },
    credits: {
      issued: -accounts.filter((a) => a.kind === 'issuance').reduce((sum, a) => sum + a.balance, 0) || 0,
      redeemed: accounts.filter((a) => a.kind === 'store').reduce((sum, a) => sum + a.balance, 0),
    },
    care: {
      inCare: inCare.length,
      onTime: inCare.filter((p) => !isOverdue(p)).length,
      overdue: inCare.filter(isOverdue).length,
      byCommunity: careCommunities.map((c) => {
        const here = inCare.filter((p) => p.communityId === c._id);
        return { id: c._id, name: c.name, inCare: here.length, onTime: here.filter((p) => !isOverdue(p)).length, overdue: here.filter(isOverdue).length };
      }),
      byMonth: months.map((month) => {
        const those = visits.filter((v) => v.month === month);
        return { month, visits: those.length, onTime: those.filter((v) => v.onTime).length, late: those.filter((v) => !v.onTime).length };
      }),
    },
    targets: {
      ruralCommunitiesWithExcellentTeam: { share: rural.length ? ruralWith.length / rural.length : 0, count: ruralWith.length, of: rural.length, goal: 1 },
      streetsWithHub: { share: streets.length ? hubbed.length / streets.length : 0, count: hubbed.length, of: streets.length, goal: 0.7 },
    },
    byChild: regions
      .filter((r) => r.parentId === regionId)
      .map((child) => ({
        id: child._id,
        name: child.name,
        groups: live.filter((g) => g[childField] === child._id).length,
        members: live.filter((g) => g[childField] === child._id).reduce((sum, g) => sum + g.memberCount, 0),
        activities: activities.filter((a) => a[childField] === child._id && a.status === 'published').length,
      })),
    needs: needsBruteForce(needDocs, regions),
  };
}

interface NeedDoc {
  communityId: string;
  state: string;
  dueAt: Date;
  createdAt: Date;
  claimedAt: Date | null;
  doneAt: Date | null;
}

/** The needs figures (issue 18) from every need of the region: by community, and by China calendar month. */
function needsBruteForce(needs: NeedDoc[], regions: Region[]): DashboardOutput['needs'] {
  const claimed = (n: NeedDoc) => ['claimed', 'accepted', 'done', 'thanked', 'closed'].includes(n.state);
  const fulfilled = (n: NeedDoc) => ['done', 'thanked', 'closed'].includes(n.state);
  const overdue = (n: NeedDoc) => n.state === 'expired' || (['open', 'claimed', 'accepted'].includes(n.state) && n.dueAt.getTime() < now.getTime() + DAY);
  const ids = [...new Set(needs.map((n) => n.communityId))];
  const byCommunity = ids.map((id) => {
    const mine = needs.filter((n) => n.communityId === id);
    return { id, name: regions.find((r) => r._id === id)!.name, posted: mine.length, claimed: mine.filter(claimed).length, fulfilled: mine.filter(fulfilled).length, overdue: mine.filter(overdue).length };
  });
  const monthOf = (at: Date | null) => (at ? new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7) : null);
  const china = new Date(now.getTime() + 8 * 3600_000);
  const months = Array.from({ length: 6 }, (_, i) => new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 5 + i, 1)).toISOString().slice(0, 7));
  const total = (name: 'posted' | 'claimed' | 'fulfilled' | 'overdue') => byCommunity.reduce((sum, c) => sum + c[name], 0);
  return {
    posted: total('posted'),
    claimed: total('claimed'),
    fulfilled: total('fulfilled'),
    overdue: total('overdue'),
    byCommunity: expect.arrayContaining(byCommunity) as unknown as typeof byCommunity,
    byMonth: months.map((month) => ({
      month,
      posted: needs.filter((n) => monthOf(n.createdAt) === month).length,
      claimed: needs.filter((n) => monthOf(n.claimedAt) === month).length,
      fulfilled: needs.filter((n) => monthOf(n.doneAt) === month).length,
    })),
  };
}

/**
 * Adds `scale` × a few hundred groups, activities, hour records and corrections, and moves the
 * community accounts, spread over the county with values on both sides of every boundary the
 * dashboard draws (30 days, 3 days, now, the rating year, hub or not, hub of a street).
 */
async function grow(random: SeededRandom, scale: number): Promise<void> {
  const regions = await allDocsOf<Region>(db, 'regions', {});
  const communities = regions.filter((r) => r.level === 'community');
  const streets = regions.filter((r) => r.level === 'street');
  const countyId = regions.find((r) => r.level === 'county')!._id;
  const place = (): Placed => {
    // One in eight belongs to a street itself (a hub organization and its activities).
    if (random.chance(0.125)) return { communityId: null, streetId: random.pick(streets)._id, countyId };
    const c = random.pick(communities);
    return { communityId: c._id, streetId: c.parentId!, countyId };
  };
  const around = (spanDays: number) => new Date(now.getTime() + (random.next() * 2 - 1) * spanDays * DAY);
  const year = now.getUTCFullYear();
  const tag = `${scale}-${random.int(0, 1e9)}`;
  const batch = async (collection: string, docs: Array<Record<string, unknown>>) => {
    for (let i = 0; i < docs.length; i += 500) await db.collection(collection).add(docs.slice(i, i + 500));
  };
  await batch(
    'groups',
    Array.from({ length: 120 * scale }, (_, i) => ({
      _id: `dg-${tag}-${i}`,
      name: `统计小组${i}`,
      ...place(),
      status: random.pick(['active', 'active', 'active', 'pending', 'rejected', 'suspended', 'dissolved']),
      type: random.pick(['service', 'charity', 'mutual_aid', 'safety', 'culture_sports', 'rural_tech', 'hub']),
      managementLevel: random.pick(['community', 'filed', 'registered']),
      memberCount: random.int(0, 80),
      createdAt: around(60),
      ratings: random.chance(0.3) ? [{ year: random.pick([year, year - 1]), excellent: random.chance(0.6) }] : [],
    })),
  );
  await batch(
    'activities',
    Array.from({ length: 400 * scale }, (_, i) => ({
      _id: `da-${tag}-${i}`,
      title: `统计活动${i}`,
      ...place(),
      status: random.pick(['published', 'published', 'published', 'cancelled', 'draft']),
      startAt: around(60),
      confirmedCount: random.int(0, 50),
    })),
  );
  await batch(
    'hour_records',
    Array.from({ length: 900 * scale }, (_, i) => ({
      _id: `dh-${tag}-${i}`,
      ...place(),
      state: random.pick(['confirmed', 'confirmed', 'pending', 'rejected']),
      minutes: random.chance(0.1) ? -random.int(30, 240) : random.int(15, 480),
      recordedAt: around(8),
    })),
  );
  const states = ['open', 'claimed', 'accepted', 'done', 'thanked', 'closed', 'withdrawn', 'expired'];
  await batch(
    'needs',
    Array.from({ length: 80 * scale }, (_, i) => {
      const c = random.pick(communities);
      const state = random.pick(states);
      const createdAt = around(120);
      const later = (p: number) => (random.chance(p) ? new Date(createdAt.getTime() + random.int(1, 72) * 3600_000) : null);
      return { _id: `dn-${tag}-${i}`, communityId: c._id, streetId: c.parentId!, countyId, state, createdAt, dueAt: around(3), claimedAt: state === 'open' ? null : later(0.9), doneAt: ['done', 'thanked', 'closed'].includes(state) ? later(1) : null };
    }),
  );
  await batch(
    'hour_corrections',
    Array.from({ length: 60 * scale }, (_, i) => ({ _id: `dc-${tag}-${i}`, ...place(), state: random.pick(['pending', 'approved', 'rejected']), createdAt: around(8) })),
  );
  // People in care (communities only), due on both sides of today, and visits over eight months.
  const inCommunity = () => {
    const c = random.pick(communities);
    return { communityId: c._id, streetId: c.parentId!, countyId };
  };
  await batch(
    'care_recipients',
    Array.from({ length: 40 * scale }, (_, i) => ({ _id: `dcr-${tag}-${i}`, ...inCommunity(), status: random.pick(['active', 'active', 'active', 'closed']), dueDay: chinaDay(around(10)), overdueNotified: true })),
  );
  await batch(
    'care_visits',
    Array.from({ length: 150 * scale }, (_, i) => {
      const visitDay = chinaDay(around(240));
      return { _id: `dcv-${tag}-${i}`, ...inCommunity(), visitDate: visitDay, month: visitDay.slice(0, 7), onTime: random.chance(0.7) };
    }),
  );
  for (const c of [...communities, ...streets]) {
    for (const [kind, prefix, sign] of [['issuance', 'iss', -1], ['store', 'store', 1]] as const) {
      const id = `${prefix}-${c._id}`;
      const { data } = await db.collection('ledger_accounts').doc(id).get();
      const balance = sign * random.int(0, 5000);
      if (data.length > 0) await db.collection('ledger_accounts').doc(id).update({ balance: (data[0] as Account).balance + balance });
      else if (random.chance(0.8)) await db.collection('ledger_accounts').add({ _id: id, kind, ownerId: c._id, balance, nextExpiryAt: null, createdAt: now, updatedAt: now });
    }
  }
}

/** The dashboard and the database requests it took. */
async function measured(regionId: string, year?: number): Promise<{ summary: DashboardOutput; roundTrips: number }> {
  const before = (await healthOf(cloud.url)).body.database!.requestsAnswered;
  const summary = await dataOf<DashboardOutput>(county.call('console', 'dashboard.summary', { regionId, ...(year ? { year } : {}) }, null));
  return { summary, roundTrips: (await healthOf(cloud.url)).body.database!.requestsAnswered - before };
}

/** Compares at the county, each street and two communities (one urban, one rural). */
async function expectEqualToBruteForce(year: number): Promise<number[]> {
  const ids = ['cty-linxi', 'st-chengguan', 'st-taoyuan', 'cm-beiyuan', 'cm-shiqiao'];
  const trips: number[] = [];
  for (const regionId of ids) {
    const { summary, roundTrips } = await measured(regionId, year);
    const { region: _region, ...figures } = summary;
    expect({ regionId, ...figures }).toEqual({ regionId, ...(await bruteForce(regionId, year)) });
    trips.push(roundTrips);
  }
  return trips;
}

test('dashboards equal the brute-force figures from every document, at 1× and 3× the data, with the same bounded round trips', async () => {
  const random = new SeededRandom(SEED);
  const year = now.getUTCFullYear();
  // Warm the function's region tree once, so each measured call below costs what a warm one does.
  await measured('cty-linxi');
  await grow(random, 1);
  const small = await expectEqualToBruteForce(year);
  await grow(random, 2);
  const big = await expectEqualToBruteForce(year);
  // Last year's ratings count for last year's target only.
  await expectEqualToBruteForce(year - 1);
  const hours = await allDocsOf<Hour>(db, 'hour_records', { countyId: 'cty-linxi' });
  // The county now holds more than a query's 1,000 documents in several collections: reading
  // them all would take more round trips; the aggregates take the same.
  expect(hours.length).toBeGreaterThan(2000);
  expect({ seed: SEED, small, big }).toEqual({ seed: SEED, small, big: small });
  for (const trips of big) expect(trips).toBeLessThanOrEqual(ROUND_TRIP_BOUND);
});

test('a county-wide export over HTTP: a job whose progress reaches done, with every row in the workbook; the timers of console and volunteers run jobs', async () => {
  const expected = (await allDocsOf<Hour>(db, 'hour_records', { countyId: 'cty-linxi' })).length;
  let job = await dataOf<ExportOutput>(county.call('console', 'dashboard.export', { regionId: 'cty-linxi', kind: 'hours' }));
  expect(job).toMatchObject({ kind: 'hours', total: expected, error: null });
  const seen = [job.done];
  while (job.state !== 'done') {
    expect(job.state).not.toBe('failed');
    job = await dataOf<ExportOutput>(county.call('console', 'exports.get', { jobId: job.id }, null));
    expect(job.done).toBeGreaterThanOrEqual(seen.at(-1)!);
    seen.push(job.done);
    expect(seen.length).toBeLessThan(50);
  }
  expect(job).toMatchObject({ done: expected, total: expected, file: { rows: expected } });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await (await fetch(encodeURI(job.file!.url))).arrayBuffer());
  expect(book.worksheets[0]!.rowCount).toBe(expected + 1);
  // Someone else's export answers like one that does not exist.
  const street = await Client.signIn(cloud.url, 'demo-street');
  expect((await street.call('console', 'exports.get', { jobId: job.id }, null)).status).toBe(404);
  // One trigger each (everyMinute), behind it the job runner: nothing is left to do.
  for (const fn of ['console', 'volunteers']) {
    const fired = (await (await fetch(`${cloud.url}/api/dev/timers/${fn}/everyMinute`, { method: 'POST' })).json()) as { ok: boolean };
    expect({ fn, ok: fired.ok }).toEqual({ fn, ok: true });
  }
});
