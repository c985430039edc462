/** Moderation data shaped exactly like the contract's outputs (cases, dashboards, audit entries). */
import type { OutputOf } from '../../../src/shared/api/contract';
import type { CaseView } from '../../../src/shared/schemas/moderation';
import type { DashboardOutput } from '../../../src/shared/schemas/console';
import { account } from './fixtures';

export const committee = () => account({ id: 'u-zhang', nickname: '张主任', roles: [{ role: 'committee', regionId: 'cm-beiyuan', regionName: '北苑社区' }] });
export const street = () => account({ id: 'u-chen', nickname: '陈科长', roles: [{ role: 'street', regionId: 'st-chengguan', regionName: '城关街道' }] });
export const county = () =>
  account({
    id: 'u-liu',
    nickname: '刘局长',
    roles: [
      { role: 'county', regionId: 'cty-linxi', regionName: '临溪县' },
      { role: 'street', regionId: 'st-chengguan', regionName: '城关街道' },
    ],
  });

export function caseView(overrides: Partial<CaseView> = {}): CaseView {
  return {
    id: 'mc-post',
    targetType: 'post',
    targetId: 'p-1',
    title: '北苑晨练太极队',
    excerpt: '恭喜中奖！添加微信领取大礼包',
    regionName: '北苑社区',
    state: 'hidden',
    reportCount: 3,
    reasons: { spam: 2, other: 1 },
    reports: [
      { reason: 'other', text: '像是诈骗信息，让加微信领奖', at: '2026-03-01T03:00:00.000Z', reporter: '赵＊' },
      { reason: 'spam', text: null, at: '2026-03-01T02:00:00.000Z', reporter: '孙＊' },
      { reason: 'spam', text: '群里天天发', at: '2026-03-01T01:00:00.000Z', reporter: '周＊' },
    ],
    itemHidden: true,
    autoHidden: true,
    lastDecision: null,
    appeal: null,
    abilities: ['moderation.view', 'moderation.decide', 'moderation.restore', 'moderation.dismiss'],
    ...overrides,
  };
}

export const decidedByOther = { action: 'hide' as const, reason: '含有虚假中奖信息', at: '2026-03-02T02:00:00.000Z', byMe: false };

export function dashboard(overrides: Partial<DashboardOutput> = {}): DashboardOutput {
  return {
    region: { id: 'st-chengguan', name: '城关街道', level: 'street' },
    groups: { total: 8, byType: { culture_sports: 3, hub: 1, safety: 2, charity: 2 }, byLevel: { community: 4, filed: 3, registered: 1 }, newLast30Days: 2, pendingReview: 1 },
    members: 17,
    activities: { upcoming: 5, last30Days: 3, signups: 42 },
    volunteerHours: 126.5,
    hourReviews: { pending: 2, overdue: 1 },
    credits: { issued: 1200, redeemed: 300 },
    care: { inCare: 0, onTime: 0, overdue: 0, byCommunity: [], byMonth: [] },
    targets: {
      ruralCommunitiesWithExcellentTeam: { share: 0, count: 0, of: 0, goal: 1 },
      streetsWithHub: { share: 1, count: 1, of: 1, goal: 0.7 },
    },
    byChild: [
      { id: 'cm-beiyuan', name: '北苑社区', groups: 5, members: 12, activities: 6 },
      { id: 'cm-nanhu', name: '南湖社区', groups: 3, members: 5, activities: 2 },
    ],
    ...overrides,
  };
}

export type AuditEntry = OutputOf<'audit.search'>['items'][number];

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 'al-1',
    at: '2026-03-02T02:00:00.000Z',
    staff: { id: 'u-zhang', nickname: '张主任' },
    action: 'moderation.hide',
    targetType: 'post',
    targetId: 'p-1',
    regionName: '北苑社区',
    reason: '含有虚假中奖信息',
    ...overrides,
  };
}
