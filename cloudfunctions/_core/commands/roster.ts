/**
 * The roster of an activity for its leaders: one section a page (a popular activity has
 * thousands of sign-ups; CloudBase answers at most 1,000 documents a query), counts by status
 * from the sign-up documents themselves, and an Excel export of every sign-up.
 */
import ExcelJS from 'exceljs';
import { activityPolicies } from '../../../src/shared/policies/activities';
import { authorize } from '../../../src/shared/policies/authorize';
import { ROSTER_SECTIONS, type RosterSection } from '../../../src/shared/schemas/signups';
import { SignupStatus } from '../../../src/shared/schemas/activities';
import { noticeLocaleOf } from '../ports/noticeTexts';
import { fileStore } from '../ports/storage';
import { rosterSheetOf, rosterStatusText, type RosterRow } from '../presenters/rosterSheet';
import { signups, type ActivityDoc, type SignupDoc } from '../repositories/activities';
import { allMatching } from '../repositories/allMatching';
import { Collections } from '../repositories/collections';
import { findUser } from '../repositories/users';
import type { Actor } from '../authz/actor';
import { chinaDateTimeOf } from '../runtime/chinaDay';
import { database } from '../runtime/cloudbase';
import { loadVisibleActivity } from '../authz/activities';

type Counts = Record<SignupStatus, number>;

/** How many sign-ups of the activity are in each status: one aggregate, whatever the size. */
export async function countSignupsByStatus(activityId: string): Promise<Counts> {
  const $ = database().command.aggregate;
  const { data } = (await signups().aggregate().match({ activityId }).group({ _id: '$status', n: $.sum(1) }).end()) as { data: Array<{ _id: string; n: number }> };
  const counts = Object.fromEntries(SignupStatus.options.map((s) => [s, 0])) as Counts;
  for (const row of data) if (row._id in counts) counts[row._id as SignupStatus] = row.n;
  return counts;
}

/** Nicknames of the people a page names (the person and the proxy who signed her up). */
async function nicknamesOf(list: SignupDoc[]): Promise<Map<string, { nickname: string }>> {
  const ids = [...new Set(list.flatMap((s) => [s.userId, ...(s.proxy ? [s.proxy.userId] : [])]))];
  return new Map((await Promise.all(ids.map((id) => findUser(id)))).flatMap((u) => (u ? [[u._id, u] as const] : [])));
}

/** One page of one roster section: the line in order (offers first), others by arrival. */
export async function roster(actor: Actor, input: { activityId: string; section: RosterSection; offset: number; limit: number }, now: Date) {
  const { activity, resource } = await loadVisibleActivity(actor, input.activityId);
  authorize(activityPolicies, 'signups.manage', actor, resource);
  const _ = database().command;
  const statuses = ROSTER_SECTIONS[input.section];
  const [counts, page] = await Promise.all([
    countSignupsByStatus(activity._id),
    signups()
      .where({ activityId: activity._id, status: _.in([...statuses]) })
      .orderBy('waitSeq', 'asc')
      .orderBy('createdAt', 'asc')
      .orderBy('_id', 'asc')
      .skip(input.offset)
      .limit(input.limit)
      .get(),
  ]);
  const list = page.data as SignupDoc[];
  const total = statuses.reduce((sum, s) => sum + counts[s], 0);
  const users = await nicknamesOf(list);
  const items = list.map((s) => presentRosterEntry(s, users, activity, now));
  // Offers are the head of the line, so they come before the people still waiting.
  if (input.section === 'waiting') items.sort((a, b) => Number(b.status === 'offered') - Number(a.status === 'offered'));
  return { items, total, hasMore: input.offset + list.length < total, counts };
}

export function presentRosterEntry(s: SignupDoc, users: Map<string, { nickname: string }>, activity: ActivityDoc, now: Date) {
  return {
    signupId: s._id,
    userId: s.userId,
    nickname: users.get(s.userId)?.nickname ?? '',
    status: s.status === 'claiming' ? ('waitlisted' as const) : s.status,
    waitSeq: s.waitSeq,
    proxy: s.proxy ? { nickname: users.get(s.proxy.userId)?.nickname ?? '', relation: s.proxy.relation } : null,
    checkedInAt: s.checkedInAt ? s.checkedInAt.toISOString() : null,
    checkedOutAt: s.checkedOutAt ? s.checkedOutAt.toISOString() : null,
    missingCheckOut: s.checkedInAt !== null && s.checkedOutAt === null && now.getTime() > activity.endAt.getTime(),
  };
}

/** Every sign-up of the activity in one workbook (read in pages of 1,000 by id). */
export async function exportRoster(actor: Actor, activityId: string, now: Date) {
  const { activity, resource } = await loadVisibleActivity(actor, activityId);
  authorize(activityPolicies, 'signups.manage', actor, resource);
  const all = (await allMatching<SignupDoc>(Collections.signups, { activityId: activity._id })).filter((s) => s.status !== 'claiming');
  const order = Object.values(ROSTER_SECTIONS).flat();
  all.sort((a, b) => order.indexOf(a.status as SignupStatus) - order.indexOf(b.status as SignupStatus) || (a.waitSeq ?? 0) - (b.waitSeq ?? 0) || a.createdAt.getTime() - b.createdAt.getTime());
  const users = new Map<string, { nickname: string }>();
  for (let i = 0; i < all.length; i += 100) for (const [id, u] of await nicknamesOf(all.slice(i, i + 100))) users.set(id, u);
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
      status: rosterStatusText(s.status as SignupStatus, locale),
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
