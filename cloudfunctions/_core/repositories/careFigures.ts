/**
 * The dashboard's care figures (issue 18 item 6), counted by the database (figures.ts): people in
 * care by community with how many are visited on time and how many are overdue, and the visits
 * of the last months on time and late — two aggregates side by side, whatever the region holds.
 */
import { database } from '../runtime/cloudbase';
import { Collections } from './collections';
import { countAll, countWhen, figuresBy, when } from './figures';
import type { RegionField } from './regionRecords';

export interface CareFigureScope {
  field: RegionField;
  regionId: string;
  /** Today, China time (YYYY-MM-DD): a person is overdue when her due day is before it. */
  today: string;
  /** The first month counted (YYYY-MM). */
  sinceMonth: string;
}

/** People in care by community (in care, overdue) and visits by month (visits, on time). */
export async function careFigures(scope: CareFigureScope) {
  const _ = database().command;
  const inRegion = { [scope.field]: scope.regionId };
  const [byCommunity, byMonth] = await Promise.all([
    figuresBy(Collections.careRecipients, { ...inRegion, status: 'active' }, 'communityId', { inCare: countAll(), overdue: countWhen(when.lt('dueDay', scope.today)) }),
    figuresBy(Collections.careVisits, { ...inRegion, month: _.gte(scope.sinceMonth) }, 'month', { visits: countAll(), onTime: countWhen(when.eq('onTime', true)) }),
  ]);
  return { byCommunity, byMonth };
}
