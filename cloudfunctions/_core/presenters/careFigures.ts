/**
 * The dashboard's care figures (issue 18 item 6) from the database's counts
 * (repositories/careFigures.ts): people in care with those visited on time and those overdue, by
 * community, and the visits of the last six months. Counts only — no names reach the dashboard,
 * so street and county staff see them too.
 */
import type { CareFigures } from '../../../src/shared/schemas/care';
import type { careFigures } from '../repositories/careFigures';
import type { RegionDoc } from '../repositories/regions';
import { chinaDayOf } from '../runtime/chinaDay';

/** Months on the dashboard's care chart, the current one included. */
export const CARE_MONTHS = 6;

/** The months of the chart, oldest first (YYYY-MM, China time). */
export function careMonths(now: Date): string[] {
  const [y, m] = chinaDayOf(now).split('-').map(Number) as [number, number];
  return Array.from({ length: CARE_MONTHS }, (_, i) => new Date(Date.UTC(y, m - 1 - (CARE_MONTHS - 1 - i), 1)).toISOString().slice(0, 7));
}

/** The figures as the dashboard shows them; communities without anyone in care are left out. */
export function presentCareFigures(raw: Awaited<ReturnType<typeof careFigures>>, regions: Map<string, RegionDoc>, months: string[]): CareFigures {
  const byCommunity = [...raw.byCommunity.entries()]
    .flatMap(([id, row]) => {
      const region = id ? regions.get(id) : undefined;
      return region ? [{ id: region._id, name: region.name, inCare: row.inCare, onTime: row.inCare - row.overdue, overdue: row.overdue }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const inCare = byCommunity.reduce((sum, row) => sum + row.inCare, 0);
  const overdue = byCommunity.reduce((sum, row) => sum + row.overdue, 0);
  return {
    inCare,
    onTime: inCare - overdue,
    overdue,
    byCommunity,
    byMonth: months.map((month) => {
      const row = raw.byMonth.get(month);
      const visits = row?.visits ?? 0;
      const onTime = row?.onTime ?? 0;
      return { month, visits, onTime, late: visits - onTime };
    }),
  };
}
