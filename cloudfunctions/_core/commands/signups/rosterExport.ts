/** signups.rosterExport: every sign-up of an activity in one workbook, in the language of the leader who exports it. */
import ExcelJS from 'exceljs';
import { signupPolicies } from '../../../../src/shared/policies/signups';
import { ROSTER_SECTIONS } from '../../../../src/shared/schemas/signups';
import type { Actor } from '../../authz/actor';
import { loadVisibleActivity } from '../../authz/activities';
import { authorize } from '../../authz/authorize';
import { noticeLocaleOf } from '../../ports/noticeTexts';
import { fileStore } from '../../ports/storage';
import { rosterSheetOf, rosterStatusText, type RosterRow } from '../../presenters/rosterSheet';
import { allSignupsOf, isSettled } from '../../repositories/signups';
import { chinaDateTimeOf } from '../../runtime/chinaDay';
import { rosterNicknames } from './rosterNames';

/** Every sign-up of the activity in one workbook (read in pages of 1,000 by id). */
export async function exportRoster(actor: Actor, activityId: string, now: Date) {
  const { activity, resource } = await loadVisibleActivity(actor, activityId);
  authorize(signupPolicies, 'signups.manage', actor, resource);
  const all = (await allSignupsOf(activity._id)).filter(isSettled);
  const order = Object.values(ROSTER_SECTIONS).flat();
  all.sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || (a.waitSeq ?? 0) - (b.waitSeq ?? 0) || a.createdAt.getTime() - b.createdAt.getTime());
  const users = new Map<string, { nickname: string }>();
  for (let i = 0; i < all.length; i += 100) for (const [id, u] of await rosterNicknames(all.slice(i, i + 100))) users.set(id, u);
  // In the language of the leader who exports it (her own choice in the app).
  const locale = noticeLocaleOf(actor.user);
  const { sheet: sheetName, columns } = rosterSheetOf(locale);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.columns = columns;
  all.forEach((s, i) => {
    const row: RosterRow = {
      n: i + 1,
      nickname: users.get(s.userId)?.nickname ?? '',
      status: rosterStatusText(s.status, locale),
      waitSeq: s.waitSeq ?? '',
      proxy: s.proxy ? users.get(s.proxy.userId)?.nickname ?? '' : '',
      createdAt: chinaDateTimeOf(s.createdAt),
      checkedIn: s.checkedInAt ? chinaDateTimeOf(s.checkedInAt) : '',
      checkedOut: s.checkedOutAt ? chinaDateTimeOf(s.checkedOutAt) : '',
    };
    sheet.addRow(row);
  });
  sheet.getRow(1).font = { bold: true };
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const fileId = await fileStore().upload(`exports/rosters/${activity._id}-${now.getTime()}.xlsx`, buffer);
  const url = (await fileStore().temporaryUrls([fileId])).get(fileId) ?? '';
  return { fileId, url, rows: all.length };
}
