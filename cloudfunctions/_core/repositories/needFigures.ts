/**
 * The needs board's figures for a region's dashboard (issue 18 item 6): needs posted, claimed,
 * fulfilled and overdue, by community and month by month — counted by the database in two
 * aggregates (repositories/figures.ts), whatever the region holds.
 */
import type { NeedState } from '../../../src/shared/schemas/needs';
import { database } from '../runtime/cloudbase';
import { startOfChinaDay } from '../runtime/chinaDay';
import { Collections } from './collections';
import { countAll, countWhen, figuresBy, figuresOf, when, type Figure } from './figures';
import type { RegionField } from './regionRecords';

const DAY_MS = 24 * 3600_000;
/** How many months the dashboard's series goes back (this month included). */
export const NEED_FIGURE_MONTHS = 6;

const CLAIMED_OR_LATER: NeedState[] = ['claimed', 'accepted', 'done', 'thanked', 'closed'];
const FULFILLED: NeedState[] = ['done', 'thanked', 'closed'];
const IN_PLAY: NeedState[] = ['open', 'claimed', 'accepted'];

const agg = () => database().command.aggregate;
const stateIn = (states: NeedState[]): Figure => agg().or(states.map((state) => when.eq('state', state)));
const between = (field: string, from: Date, to: Date): Figure => when.all(when.gte(field, from), when.lt(field, to));

/** The first days of the last `count` China calendar months, oldest first, and the next month's. */
export function monthStarts(now: Date, count: number): Array<{ month: string; from: Date; to: Date }> {
  const china = new Date(now.getTime() + 8 * 3600_000);
  const [year, month] = [china.getUTCFullYear(), china.getUTCMonth()];
  return Array.from({ length: count }, (_, i) => {
    const first = new Date(Date.UTC(year, month - (count - 1 - i), 1));
    const next = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
    const day = (d: Date) => d.toISOString().slice(0, 10);
    return { month: day(first).slice(0, 7), from: startOfChinaDay(day(first)), to: startOfChinaDay(day(next)) };
  });
}

/** A region's needs by community (every need ever posted there) and by month. */
export async function needFigures(field: RegionField, regionId: string, now: Date) {
  const inRegion = { [field]: regionId };
  const months = monthStarts(now, NEED_FIGURE_MONTHS);
  // Overdue: expired unfinished, or still in play on (or after) its last day (dueAt is that day's end).
  const overdue = agg().or([when.eq('state', 'expired'), when.all(stateIn(IN_PLAY), when.lt('dueAt', new Date(now.getTime() + DAY_MS)))]);
  const series: Record<string, Figure> = {};
  months.forEach(({ from, to }, i) => {
    series[`posted${i}`] = countWhen(between('createdAt', from, to));
    series[`claimed${i}`] = countWhen(between('claimedAt', from, to));
    series[`fulfilled${i}`] = countWhen(between('doneAt', from, to));
  });
  const [byCommunity, byMonth] = await Promise.all([
    figuresBy(Collections.needs, inRegion, 'communityId', { posted: countAll(), claimed: countWhen(stateIn(CLAIMED_OR_LATER)), fulfilled: countWhen(stateIn(FULFILLED)), overdue: countWhen(overdue) }),
    figuresOf(Collections.needs, inRegion, series),
  ]);
  return {
    byCommunity,
    months: months.map(({ month }, i) => ({ month, posted: byMonth[`posted${i}`] ?? 0, claimed: byMonth[`claimed${i}`] ?? 0, fulfilled: byMonth[`fulfilled${i}`] ?? 0 })),
  };
}
