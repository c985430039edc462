/**
 * The figures of a region's dashboard, counted and summed by the database (repositories/figures.ts):
 * ten queries side by side, each one pass over the region's documents of one collection, whatever
 * the region holds.
 */
import { Collections } from './collections';
import { countAll, countOf, countWhen, figuresBy, figuresOf, sumOf, sumWhen, tallyBy, when } from './figures';
import { database } from '../runtime/cloudbase';
import type { RegionField } from './regionRecords';

const DAY = 24 * 3600_000;

/** Where the dashboard looks: the region, the level of its children, the rating year and the moment. */
export interface FigureScope {
  field: RegionField;
  regionId: string;
  childField: 'streetId' | 'communityId';
  ratingYear: number;
  now: Date;
}

/** The raw figures of a region (and of each region directly below it). */
export async function regionFigures(scope: FigureScope) {
  const { now } = scope;
  const _ = database().command;
  const inRegion = { [scope.field]: scope.regionId };
  const live = { ...inRegion, status: 'active' };
  const childField = scope.childField;
  const since30Days = new Date(now.getTime() - 30 * DAY);
  // Waiting reviews past the deadline: more than 3 days.
  const overdueBefore = new Date(now.getTime() - 3 * DAY);
  const published = when.eq('status', 'published');
  const [groupsByChild, groupsByType, groupsByLevel, pendingGroups, excellentByCommunity, hubsByStreet, activitiesByChild, hours, corrections] = await Promise.all([
    figuresBy(Collections.groups, live, childField, { count: countAll(), members: sumOf('memberCount'), recent: countWhen(when.gte('createdAt', since30Days)) }),
    tallyBy(Collections.groups, live, 'type'),
    tallyBy(Collections.groups, live, 'managementLevel'),
    countOf(Collections.groups, { ...inRegion, status: 'pending' }),
    tallyBy(Collections.groups, { ...live, ratings: _.elemMatch({ year: scope.ratingYear, excellent: true }) }, 'communityId'),
    tallyBy(Collections.groups, { ...live, type: 'hub' }, 'streetId'),
    figuresBy(Collections.activities, inRegion, childField, {
      published: countWhen(published),
      upcoming: countWhen(when.all(published, when.gte('startAt', now))),
      recent: countWhen(when.all(published, when.lt('startAt', now), when.gte('startAt', since30Days))),
      signups: sumOf('confirmedCount'),
    }),
    // Confirmed records only; reversals are negative, so corrected hours count once.
    figuresOf(Collections.hourRecords, inRegion, {
      confirmedMinutes: sumWhen(when.eq('state', 'confirmed'), 'minutes'),
      pending: countWhen(when.eq('state', 'pending')),
      overdue: countWhen(when.all(when.eq('state', 'pending'), when.lt('recordedAt', overdueBefore))),
    }),
    figuresOf(Collections.hourCorrections, { ...inRegion, state: 'pending' }, { pending: countAll(), overdue: countWhen(when.lt('createdAt', overdueBefore)) }),
  ]);
  return { groupsByChild, groupsByType, groupsByLevel, pendingGroups, excellentByCommunity, hubsByStreet, activitiesByChild, hours, corrections };
}
