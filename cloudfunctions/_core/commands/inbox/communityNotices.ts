/**
 * The inbox's third source: the committee notices of her home community in force now (published,
 * still valid; commands/notices). They are not copied into each resident's inbox — a community can
 * have 10,000+ residents — but read from the one notice document, with her read marks beside them
 * (repositories/noticeReads.ts). A community has at most NOTICE_LIVE_CAP live notices (refused
 * beyond it at publishing), so all of them are read at once and the unread count is exact.
 */
import { NOTICE_LIVE_CAP } from '../../../../src/shared/schemas/notices';
import type { Actor } from '../../authz/actor';
import { communityNotice, type ListedNotice } from '../../presenters/inbox';
import { liveNotices, type NoticeDoc } from '../../repositories/notices';
import { marksOf } from '../../repositories/noticeReads';

/** Read twice the cap: two staff publishing at the same instant may both pass it. */
const READ_AT_MOST = NOTICE_LIVE_CAP * 2;

/** Her community's live notices (newest first) as listed notices, the ones she has not read, and how many. */
export async function communityNoticesOf(actor: Actor, now: Date): Promise<{ listed: ListedNotice[]; unreadDocs: NoticeDoc[]; unread: number }> {
  const communityId = actor.user.homeCommunityId;
  if (!communityId) return { listed: [], unreadDocs: [], unread: 0 };
  const docs = await liveNotices(communityId, now, READ_AT_MOST);
  const { read } = await marksOf(actor.userId, docs.map((d) => d._id));
  const unreadDocs = docs.filter((d) => !read.has(d._id));
  return { listed: docs.map((d) => communityNotice(d, read.has(d._id))), unreadDocs, unread: unreadDocs.length };
}
