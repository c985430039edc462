/**
 * The words of a roster export (signups.rosterExport) in the language of the leader who asks for
 * it (her `users.locale`, zh-CN or en): sheet name, column headers and each sign-up's status, as
 * the app's roster page names them (src/locales/events.*.ts, `status`). Times stay China time,
 * written the same in both languages (2026-12-06 15:00).
 */
import type ExcelJS from 'exceljs';
import type { SignupStatus } from '../../../src/shared/schemas/activities';
import type { NoticeLocale } from '../ports/noticeTexts';

export type RosterRow = { n: number; nickname: string; status: string; waitSeq: number | ''; proxy: string; createdAt: string; checkedIn: string; checkedOut: string };

interface RosterSheetText {
  sheet: string;
  headers: Record<keyof RosterRow, string>;
  status: Record<SignupStatus, string>;
}

const TEXTS: Record<NoticeLocale, RosterSheetText> = {
  'zh-CN': {
    sheet: '报名名单',
    headers: { n: '序号', nickname: '昵称', status: '状态', waitSeq: '候补号', proxy: '代报名人', createdAt: '报名时间', checkedIn: '签到', checkedOut: '签退' },
    status: {
      pending_approval: '待审核',
      confirmed: '已确认',
      waitlisted: '候补中',
      offered: '待确认空位',
      cancelled: '已取消',
      late_cancelled: '迟取消',
      rejected: '未通过',
      no_show: '缺席',
      expired: '空位已过期',
      removed: '已移出',
    },
  },
  en: {
    sheet: 'Sign-ups',
    headers: { n: 'No.', nickname: 'Name', status: 'Status', waitSeq: 'Waitlist no.', proxy: 'Signed up by', createdAt: 'Signed up at', checkedIn: 'Checked in', checkedOut: 'Checked out' },
    status: {
      pending_approval: 'Awaiting approval',
      confirmed: 'Signed up',
      waitlisted: 'Waitlisted',
      offered: 'Seat offered',
      cancelled: 'Cancelled',
      late_cancelled: 'Late cancellation',
      rejected: 'Declined',
      no_show: 'No-show',
      expired: 'Offer expired',
      removed: 'Removed',
    },
  },
};

const WIDTHS: Record<keyof RosterRow, number> = { n: 8, nickname: 18, status: 12, waitSeq: 8, proxy: 16, createdAt: 20, checkedIn: 20, checkedOut: 20 };

/** The sheet name and columns of a roster export in a language. */
export function rosterSheetOf(locale: NoticeLocale): { sheet: string; columns: Array<Partial<ExcelJS.Column>> } {
  const text = TEXTS[locale];
  const keys = Object.keys(WIDTHS) as Array<keyof RosterRow>;
  return { sheet: text.sheet, columns: keys.map((key) => ({ header: text.headers[key], key, width: WIDTHS[key] })) };
}

/** A sign-up's status as the roster names it, in a language. */
export function rosterStatusText(status: SignupStatus, locale: NoticeLocale): string {
  return TEXTS[locale].status[status];
}
