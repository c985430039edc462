/**
 * The staff exports' sheets: the columns of each kind and the row of each document. A row is
 * plain text and numbers, so an export job can keep a slice's rows in a part document and the
 * finishing step writes every part into one workbook.
 */
import type ExcelJS from 'exceljs';
import type { ActivityDoc } from '../repositories/activities';
import type { AuditEntryDoc } from '../repositories/auditLog';
import type { GroupDoc } from '../repositories/groups';
import type { HourRecordDoc } from '../repositories/hourRecords';
import { chinaDateTimeOf } from '../runtime/chinaDay';

export type ExportKind = 'groups' | 'activities' | 'hours' | 'audit';
export type ExportRow = Record<string, string | number>;

export const SHEET_TITLES: Record<ExportKind, string> = { groups: '社会组织', activities: '活动', hours: '志愿服务时长', audit: '操作日志' };

export const SHEET_COLUMNS: Record<ExportKind, Array<Partial<ExcelJS.Column>>> = {
  groups: [
    { header: '名称', key: 'name', width: 28 },
    { header: '类型', key: 'type', width: 16 },
    { header: '管理层级', key: 'level', width: 18 },
    { header: '登记/备案编号', key: 'number', width: 24 },
    { header: '所在地', key: 'place', width: 14 },
    { header: '状态', key: 'status', width: 10 },
    { header: '成员数', key: 'members', width: 10 },
    { header: '优秀服务队年份', key: 'excellent', width: 16 },
    { header: '成立时间', key: 'created', width: 14 },
  ],
  activities: [
    { header: '活动', key: 'title', width: 28 },
    { header: '开始', key: 'start', width: 18 },
    { header: '地点', key: 'location', width: 20 },
    { header: '所在地', key: 'place', width: 14 },
    { header: '名额', key: 'capacity', width: 8 },
    { header: '已报名', key: 'confirmed', width: 8 },
    { header: '候补', key: 'waitlist', width: 8 },
    { header: '志愿服务', key: 'volunteer', width: 10 },
    { header: '状态', key: 'status', width: 10 },
  ],
  hours: [
    { header: '志愿者编号', key: 'volunteer', width: 16 },
    { header: '组织', key: 'group', width: 24 },
    { header: '服务内容', key: 'content', width: 30 },
    { header: '服务日期', key: 'date', width: 12 },
    { header: '时长（小时）', key: 'hours', width: 12 },
    { header: '来源', key: 'source', width: 12 },
    { header: '状态', key: 'state', width: 10 },
    { header: '记录人', key: 'recordedBy', width: 14 },
    { header: '记录时间', key: 'at', width: 18 },
  ],
  audit: [
    { header: '时间', key: 'at', width: 20 },
    { header: '工作人员', key: 'staff', width: 16 },
    { header: '操作', key: 'action', width: 26 },
    { header: '对象', key: 'target', width: 30 },
    { header: '理由', key: 'reason', width: 30 },
  ],
};

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
const HOUR_SOURCES: Record<HourRecordDoc['source'], string> = { checkin: '签到签退', leader_entry: '负责人录入', self_report: '自行申报', correction: '更正', reversal: '冲销', need: '邻里互助', care_visit: '关爱探访' };
const HOUR_STATES: Record<HourRecordDoc['state'], string> = { pending: '待审核', confirmed: '已确认', rejected: '已驳回' };

/** The name of the community (or, for a street's own groups and activities, the street) a document is in. */
export type PlaceName = (doc: { communityId: string | null; streetId: string }) => string;

export function groupRow(g: GroupDoc, place: PlaceName): ExportRow {
  return {
    name: g.name,
    type: GROUP_TYPE_ZH[g.type] ?? g.type,
    level: LEVEL_ZH[g.managementLevel] ?? g.managementLevel,
    number: g.registrationNumber ?? g.filingNumber ?? '',
    place: place(g),
    status: g.status,
    members: g.memberCount,
    excellent: g.ratings.filter((r) => r.excellent).map((r) => r.year).join('、'),
    created: g.createdAt.toISOString().slice(0, 10),
  };
}

export function activityRow(a: ActivityDoc, place: PlaceName): ExportRow {
  return {
    title: a.title,
    start: chinaDateTimeOf(a.startAt),
    location: a.location.name,
    place: place({ communityId: a.communityId, streetId: a.streetId }),
    capacity: a.capacity,
    confirmed: a.confirmedCount,
    waitlist: a.waitlistCount,
    volunteer: a.volunteer ? `${a.volunteer.plannedHours} 小时` : '',
    status: a.status,
  };
}

/** Volunteer numbers only: the export leaves the system, names and ID numbers stay in it. */
export function hourRow(h: HourRecordDoc): ExportRow {
  return {
    volunteer: h.volunteerNo,
    group: h.groupName,
    content: h.content,
    date: h.serviceDate,
    hours: Math.round((h.minutes / 60) * 10) / 10,
    source: HOUR_SOURCES[h.source],
    state: HOUR_STATES[h.state],
    recordedBy: h.recordedByName,
    at: h.recordedAt.toISOString().slice(0, 16),
  };
}


export function auditRow(e: AuditEntryDoc, staffName: string): ExportRow {
  return { at: e.createdAt.toISOString(), staff: staffName, action: e.action, target: `${e.targetType}:${e.targetId}`, reason: e.reason ?? '' };
}
