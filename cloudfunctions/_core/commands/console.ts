/**
 * The committee and street console: the audit log (search and export), dashboards per
 * community, street and county with the policy targets, and Excel exports.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../../src/shared/errors';
import type { DashboardOutput } from '../../../src/shared/schemas/moderation';
import { fileStore } from '../ports/storage';
import { allMatching } from '../repositories/allMatching';
import { Collections } from '../repositories/collections';
import { accountId, type AccountDoc } from '../ledger/accounts';
import type { HourRecordDoc } from '../repositories/hourRecords';
import type { ActivityDoc } from '../repositories/activities';
import type { GroupDoc } from '../repositories/groups';
import { countOf, countsByKey, tallyBy, tallyOf, totalOf } from '../repositories/figures';
import { regionDirectory, type RegionDoc } from '../repositories/regions';
import { findUser } from '../repositories/users';
import type { Actor } from '../runtime/actor';
import { database } from '../runtime/cloudbase';
import { chinaDateTimeOf } from '../runtime/chinaDay';

const DAY = 24 * 3600_000;
/** Policy targets from the documents: every rural community has an excellent team; ≥ 70 % of streets a hub. */
const TARGETS = { ruralExcellent: 1, streetsWithHub: 0.7 };

/** The region if the actor is staff on it or above it; otherwise as if it did not exist. */
async function staffRegion(actor: Actor, regionId: string): Promise<{ region: RegionDoc; regions: Map<string, RegionDoc> }> {
  const regions = await regionDirectory();
  const region = regions.get(regionId);
  if (!region || !actor.grants.some((g) => g.regionId === region._id || region.ancestorIds.includes(g.regionId))) {
    throw new AppError('NOT_FOUND', '地区不存在或不在你的管辖范围');
  }
  return { region, regions };
}

function fieldOf(region: RegionDoc): 'communityId' | 'streetId' | 'countyId' {
  return region.level === 'community' ? 'communityId' : region.level === 'street' ? 'streetId' : 'countyId';
}

/** The audit log of a region and below, newest first, filtered by staff, target and time. */
export async function searchAudit(actor: Actor, input: { regionId: string; staffId?: string; targetId?: string; from?: string; to?: string; offset: number; limit: number }) {
  const { region, regions } = await staffRegion(actor, input.regionId);
  const below = [...regions.values()].filter((r) => r._id === region._id || r.ancestorIds.includes(region._id)).map((r) => r._id);
  const _ = database().command;
  const where: Record<string, unknown> = { regionId: _.in(below) };
  if (input.staffId) where.actorId = input.staffId;
  if (input.targetId) where.targetId = input.targetId;
  if (input.from || input.to) {
    where.createdAt = input.from && input.to ? _.gte(new Date(input.from)).and(_.lte(new Date(input.to))) : input.from ? _.gte(new Date(input.from)) : _.lte(new Date(input.to!));
  }
  const log = database().collection(Collections.auditLog);
  const [page, count] = await Promise.all([log.where(where).orderBy('createdAt', 'desc').skip(input.offset).limit(input.limit).get(), log.where(where).count()]);
  const entries = page.data as Array<{ _id: string; actorId: string; action: string; targetType: string; targetId: string; regionId: string | null; reason: string | null; createdAt: Date }>;
  const staff = new Map((await Promise.all([...new Set(entries.map((e) => e.actorId))].map((id) => findUser(id)))).flatMap((u) => (u ? [[u._id, u] as const] : [])));
  return {
    items: entries.map((e) => ({
      id: e._id,
      at: e.createdAt.toISOString(),
      staff: { id: e.actorId, nickname: staff.get(e.actorId)?.nickname ?? e.actorId },
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      regionName: (e.regionId && regions.get(e.regionId)?.name) || '',
      reason: e.reason,
    })),
    total: count.total,
    hasMore: input.offset + entries.length < count.total,
  };
}

const HOUR_SOURCES: Record<HourRecordDoc['source'], string> = { checkin: '签到签退', leader_entry: '负责人录入', self_report: '自行申报', correction: '更正', reversal: '冲销' };
const HOUR_STATES: Record<HourRecordDoc['state'], string> = { pending: '待审核', confirmed: '已确认', rejected: '已驳回' };

/**
 * Credits issued by the communities (and hub streets) of a region — minus the balance of their
 * issuance accounts — and credits spent in their points stores (the stores' balances): summed by
 * the database, one round trip per 500 regions (an `in` of at most 1,000 account ids).
 */
async function creditsOf(regions: RegionDoc[]): Promise<{ issued: number; redeemed: number }> {
  const ids = regions.filter((r) => r.level !== 'county').flatMap((r) => [accountId('issuance', r._id), accountId('store', r._id)]);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 1000) chunks.push(ids.slice(i, i + 1000));
  const byKind = await Promise.all(chunks.map((chunk) => tallyBy(Collections.ledgerAccounts, { _id: database().command.in(chunk) }, 'kind', 'balance')));
  const sumOf = (kind: AccountDoc['kind']) => byKind.reduce((sum, tallies) => sum + (tallies.get(kind)?.sum ?? 0), 0);
  // `|| 0`: nothing issued is 0, not -0.
  return { issued: -sumOf('issuance') || 0, redeemed: sumOf('store') };
}

/**
 * Numbers and policy targets of a region (and of each region directly below it), counted and
 * summed by the database: a fixed number of round trips (about 17, run side by side) whatever the
 * region holds. Each figure means what it meant when it was computed from every document.
 */
export async function dashboard(actor: Actor, regionId: string, year: number | undefined, now: Date): Promise<DashboardOutput> {
  const { region, regions } = await staffRegion(actor, regionId);
  const _ = database().command;
  const inRegion = { [fieldOf(region)]: region._id };
  const live = { ...inRegion, status: 'active' };
  const published = { ...inRegion, status: 'published' };
  const ratingYear = year ?? now.getUTCFullYear();
  const childField = region.level === 'county' ? 'streetId' : 'communityId';
  const below = [...regions.values()].filter((r) => r.ancestorIds.includes(region._id) || r._id === region._id);
  const since30Days = new Date(now.getTime() - 30 * DAY);
  const overdueBefore = new Date(now.getTime() - 3 * DAY);
  const [
    groupsByChild,
    groupsByType,
    groupsByLevel,
    newGroups,
    pendingGroups,
    excellentByCommunity,
    hubsByStreet,
    publishedByChild,
    upcoming,
    recent,
    signups,
    confirmedHours,
    pendingHours,
    overdueHours,
    pendingCorrections,
    overdueCorrections,
    credits,
  ] = await Promise.all([
    tallyBy(Collections.groups, live, childField, 'memberCount'),
    tallyBy(Collections.groups, live, 'type'),
    tallyBy(Collections.groups, live, 'managementLevel'),
    countOf(Collections.groups, { ...live, createdAt: _.gte(since30Days) }),
    countOf(Collections.groups, { ...inRegion, status: 'pending' }),
    tallyBy(Collections.groups, { ...live, ratings: _.elemMatch({ year: ratingYear, excellent: true }) }, 'communityId'),
    tallyBy(Collections.groups, { ...live, type: 'hub' }, 'streetId'),
    tallyBy(Collections.activities, published, childField),
    countOf(Collections.activities, { ...published, startAt: _.gte(now) }),
    countOf(Collections.activities, { ...published, startAt: _.lt(now).and(_.gte(since30Days)) }),
    tallyOf(Collections.activities, inRegion, 'confirmedCount'),
    // Confirmed records only; reversals are negative, so corrected hours count once.
    tallyOf(Collections.hourRecords, { ...inRegion, state: 'confirmed' }, 'minutes'),
    countOf(Collections.hourRecords, { ...inRegion, state: 'pending' }),
    countOf(Collections.hourRecords, { ...inRegion, state: 'pending', recordedAt: _.lt(overdueBefore) }),
    countOf(Collections.hourCorrections, { ...inRegion, state: 'pending' }),
    countOf(Collections.hourCorrections, { ...inRegion, state: 'pending', createdAt: _.lt(overdueBefore) }),
    creditsOf(below),
  ]);
  const liveTotal = totalOf(groupsByChild);
  const rural = below.filter((r) => r.level === 'community' && r.kind === 'rural');
  const ruralWithExcellent = rural.filter((c) => excellentByCommunity.has(c._id));
  const streets = below.filter((r) => r.level === 'street');
  const streetsWithHub = streets.filter((s) => hubsByStreet.has(s._id));
  const children = [...regions.values()].filter((r) => r.parentId === region._id);
  return {
    region: { id: region._id, name: region.name, level: region.level },
    groups: {
      total: liveTotal.count,
      byType: countsByKey(groupsByType),
      byLevel: countsByKey(groupsByLevel),
      newLast30Days: newGroups,
      pendingReview: pendingGroups,
    },
    members: liveTotal.sum,
    activities: { upcoming, last30Days: recent, signups: signups.sum },
    volunteerHours: Math.round((confirmedHours.sum / 60) * 10) / 10,
    // Waiting reviews and those past the deadline (3 days).
    hourReviews: { pending: pendingHours + pendingCorrections, overdue: overdueHours + overdueCorrections },
    credits,
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
      members: groupsByChild.get(child._id)?.sum ?? 0,
      activities: publishedByChild.get(child._id)?.count ?? 0,
    })),
  };
}

const GROUP_TYPE_ZH: Record<string, string> = {
  service: '为民服务',
  charity: '公益慈善',
  mutual_aid: '邻里互助',
  safety: '平安创建',
  culture_sports: '文体娱乐',
  rural_tech: '农村生产技术服务',
  hub: '枢纽型',
};
const LEVEL_ZH: Record<string, string> = { registered: '县级登记', filed: '乡镇（街道）备案', community: '村（社区）直接管理' };

/** An Excel workbook of the region's groups, activities, volunteer hours or audit log, stored for download. */
export interface AuditFilters {
  staffId?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

export async function exportWorkbook(actor: Actor, regionId: string, kind: 'groups' | 'activities' | 'hours' | 'audit', now: Date, filters: AuditFilters = {}) {
  const { region, regions } = await staffRegion(actor, regionId);
  const field = fieldOf(region);
  const book = new ExcelJS.Workbook();
  book.creator = 'Linli 邻里';
  book.created = now;
  const sheet = book.addWorksheet({ groups: '社会组织', activities: '活动', hours: '志愿服务时长', audit: '操作日志' }[kind]);
  const place = (doc: { communityId: string | null; streetId: string }) => regions.get(doc.communityId ?? doc.streetId)?.name ?? '';
  let rows = 0;
  if (kind === 'groups') {
    sheet.columns = [
      { header: '名称', key: 'name', width: 28 },
      { header: '类型', key: 'type', width: 16 },
      { header: '管理层级', key: 'level', width: 18 },
      { header: '登记/备案编号', key: 'number', width: 24 },
      { header: '所在地', key: 'place', width: 14 },
      { header: '状态', key: 'status', width: 10 },
      { header: '成员数', key: 'members', width: 10 },
      { header: '优秀服务队年份', key: 'excellent', width: 16 },
      { header: '成立时间', key: 'created', width: 14 },
    ];
    for (const g of await allMatching<GroupDoc>(Collections.groups, { [field]: region._id })) {
      sheet.addRow({
        name: g.name,
        type: GROUP_TYPE_ZH[g.type] ?? g.type,
        level: LEVEL_ZH[g.managementLevel] ?? g.managementLevel,
        number: g.registrationNumber ?? g.filingNumber ?? '',
        place: place(g),
        status: g.status,
        members: g.memberCount,
        excellent: g.ratings.filter((r) => r.excellent).map((r) => r.year).join('、'),
        created: g.createdAt.toISOString().slice(0, 10),
      });
      rows += 1;
    }
  } else if (kind === 'activities') {
    sheet.columns = [
      { header: '活动', key: 'title', width: 28 },
      { header: '开始', key: 'start', width: 18 },
      { header: '地点', key: 'location', width: 20 },
      { header: '所在地', key: 'place', width: 14 },
      { header: '名额', key: 'capacity', width: 8 },
      { header: '已报名', key: 'confirmed', width: 8 },
      { header: '候补', key: 'waitlist', width: 8 },
      { header: '志愿服务', key: 'volunteer', width: 10 },
      { header: '状态', key: 'status', width: 10 },
    ];
    for (const a of await allMatching<ActivityDoc>(Collections.activities, { [field]: region._id })) {
      sheet.addRow({
        title: a.title,
        start: chinaDateTimeOf(a.startAt),
        location: a.location.name,
        place: place({ communityId: a.communityId, streetId: a.streetId }),
        capacity: a.capacity,
        confirmed: a.confirmedCount,
        waitlist: a.waitlistCount,
        volunteer: a.volunteer ? `${a.volunteer.plannedHours} 小时` : '',
        status: a.status,
      });
      rows += 1;
    }
  } else if (kind === 'hours') {
    sheet.columns = [
      { header: '志愿者编号', key: 'volunteer', width: 16 },
      { header: '组织', key: 'group', width: 24 },
      { header: '服务内容', key: 'content', width: 30 },
      { header: '服务日期', key: 'date', width: 12 },
      { header: '时长（小时）', key: 'hours', width: 12 },
      { header: '来源', key: 'source', width: 12 },
      { header: '状态', key: 'state', width: 10 },
      { header: '记录人', key: 'recordedBy', width: 14 },
      { header: '记录时间', key: 'at', width: 18 },
    ];
    // Volunteer numbers only: the export leaves the system, names and ID numbers stay in it.
    for (const h of await allMatching<HourRecordDoc>(Collections.hourRecords, { [field]: region._id })) {
      sheet.addRow({
        volunteer: h.volunteerNo,
        group: h.groupName,
        content: h.content,
        date: h.serviceDate,
        hours: Math.round((h.minutes / 60) * 10) / 10,
        source: HOUR_SOURCES[h.source],
        state: HOUR_STATES[h.state],
        recordedBy: h.recordedByName,
        at: h.recordedAt.toISOString().slice(0, 16),
      });
      rows += 1;
    }
  } else {
    sheet.columns = [
      { header: '时间', key: 'at', width: 20 },
      { header: '工作人员', key: 'staff', width: 16 },
      { header: '操作', key: 'action', width: 26 },
      { header: '对象', key: 'target', width: 30 },
      { header: '理由', key: 'reason', width: 30 },
    ];
    for (let offset = 0; ; offset += 50) {
      const page = await searchAudit(actor, { regionId, ...filters, offset, limit: 50 });
      for (const e of page.items) sheet.addRow({ at: e.at, staff: e.staff.nickname, action: e.action, target: `${e.targetType}:${e.targetId}`, reason: e.reason ?? '' });
      rows += page.items.length;
      if (!page.hasMore || offset > 10_000) break;
    }
  }
  sheet.getRow(1).font = { bold: true };
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const fileId = await fileStore().upload(`exports/${region._id}/${kind}-${now.getTime()}.xlsx`, buffer);
  const url = (await fileStore().temporaryUrls([fileId])).get(fileId) ?? '';
  return { fileId, url, rows };
}
