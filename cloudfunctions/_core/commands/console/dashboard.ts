/** dashboard.summary: a region's numbers and policy targets for staff over it. */
import type { DashboardOutput } from '../../../../src/shared/schemas/console';
import type { Actor } from '../../authz/actor';
import { loadStaffRegion } from '../../authz/staffScope';
import { accountId, balancesByKind, type AccountDoc } from '../../ledger/accounts';
import { careMonths, presentCareFigures } from '../../presenters/careFigures';
import { careFigures } from '../../repositories/careFigures';
import { countsByKey } from '../../repositories/figures';
import { regionFigures } from '../../repositories/regionFigures';
import { needFigures } from '../../repositories/needFigures';
import { fieldOf } from '../../repositories/regionRecords';
import type { RegionDoc } from '../../repositories/regions';
import { chinaDayOf } from '../../runtime/chinaDay';

/** The needs board's figures: totals over the region's communities, each community by name, and the months. */
function needsSummary({ byCommunity, months }: Awaited<ReturnType<typeof needFigures>>, regions: Map<string, RegionDoc>): NonNullable<DashboardOutput['needs']> {
  const rows = [...byCommunity.entries()].flatMap(([id, row]) => (id ? [{ id, name: regions.get(id)?.name ?? id, ...row }] : []));
  const total = (name: 'posted' | 'claimed' | 'fulfilled' | 'overdue') => rows.reduce((sum, row) => sum + row[name], 0);
  return { posted: total('posted'), claimed: total('claimed'), fulfilled: total('fulfilled'), overdue: total('overdue'), byCommunity: rows, byMonth: months };
}

/** Policy targets from the documents: every rural community has an excellent team; ≥ 70 % of streets a hub. */
const TARGETS = { ruralExcellent: 1, streetsWithHub: 0.7 };

/**
 * Credits issued by the communities (and hub streets) of a region — minus the balance of their
 * issuance accounts — and credits spent in their points stores (the stores' balances): summed by
 * the database, one round trip per 500 regions (an `in` of at most 1,000 account ids).
 */
async function creditsOf(regions: RegionDoc[]): Promise<{ issued: number; redeemed: number }> {
  const ids = regions.filter((r) => r.level !== 'county').flatMap((r) => [accountId('issuance', r._id), accountId('store', r._id)]);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 1000) chunks.push(ids.slice(i, i + 1000));
  const byKind = await Promise.all(chunks.map((chunk) => balancesByKind(chunk)));
  const sumOf = (kind: AccountDoc['kind']) => byKind.reduce((sum, tallies) => sum + (tallies.get(kind)?.sum ?? 0), 0);
  // `|| 0`: nothing issued is 0, not -0.
  return { issued: -sumOf('issuance') || 0, redeemed: sumOf('store') };
}

/**
 * Numbers and policy targets of a region (and of each region directly below it), counted and
 * summed by the database beside the credits (repositories/regionFigures.ts: ten queries side by side). Each figure means what it meant when it was
 * computed from every document (test/functions/dashboards.http.test.ts checks them against that).
 */
export async function dashboard(actor: Actor, regionId: string, year: number | undefined, now: Date): Promise<DashboardOutput> {
  const { region, regions } = await loadStaffRegion(actor, regionId);
  const ratingYear = year ?? now.getUTCFullYear();
  const childField = region.level === 'county' ? 'streetId' : 'communityId';
  const below = [...regions.values()].filter((r) => r.ancestorIds.includes(region._id) || r._id === region._id);
  const months = careMonths(now);
  const [{ groupsByChild, groupsByType, groupsByLevel, pendingGroups, excellentByCommunity, hubsByStreet, activitiesByChild, hours, corrections }, credits, needs, care] = await Promise.all([
    regionFigures({ field: fieldOf(region), regionId: region._id, childField, ratingYear, now }),
    creditsOf(below),
    needFigures(fieldOf(region), region._id, now),
    careFigures({ field: fieldOf(region), regionId: region._id, today: chinaDayOf(now), sinceMonth: months[0]! }),
  ]);
  const sum = <K extends string>(rows: Map<string | null, Record<K, number>>, name: K) => [...rows.values()].reduce((total, row) => total + row[name], 0);
  const rural = below.filter((r) => r.level === 'community' && r.kind === 'rural');
  const ruralWithExcellent = rural.filter((c) => excellentByCommunity.has(c._id));
  const streets = below.filter((r) => r.level === 'street');
  const streetsWithHub = streets.filter((s) => hubsByStreet.has(s._id));
  const children = [...regions.values()].filter((r) => r.parentId === region._id);
  return {
    region: { id: region._id, name: region.name, level: region.level },
    groups: {
      total: sum(groupsByChild, 'count'),
      byType: countsByKey(groupsByType),
      byLevel: countsByKey(groupsByLevel),
      newLast30Days: sum(groupsByChild, 'recent'),
      pendingReview: pendingGroups,
    },
    members: sum(groupsByChild, 'members'),
    activities: { upcoming: sum(activitiesByChild, 'upcoming'), last30Days: sum(activitiesByChild, 'recent'), signups: sum(activitiesByChild, 'signups') },
    volunteerHours: Math.round((hours.confirmedMinutes / 60) * 10) / 10,
    hourReviews: { pending: hours.pending + corrections.pending, overdue: hours.overdue + corrections.overdue },
    credits,
    care: presentCareFigures(care, regions, months),
    targets: {
      ruralCommunitiesWithExcellentTeam: {
        share: rural.length ? ruralWithExcellent.length / rural.length : 0,
        count: ruralWithExcellent.length,
        of: rural.length,
        goal: TARGETS.ruralExcellent,
      },
      streetsWithHub: { share: streets.length ? streetsWithHub.length / streets.length : 0, count: streetsWithHub.length, of: streets.length, goal: TARGETS.streetsWithHub },
    },
    byChild: children.map((child) => ({
      id: child._id,
      name: child.name,
      groups: groupsByChild.get(child._id)?.count ?? 0,
      members: groupsByChild.get(child._id)?.members ?? 0,
      activities: activitiesByChild.get(child._id)?.published ?? 0,
    })),
    needs: needsSummary(needs, regions),
  };
}
