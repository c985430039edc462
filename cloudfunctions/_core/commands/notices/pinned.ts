/**
 * notices.pinned — the home page's pin: the urgent notices of her community in force now that she
 * has not dismissed. Two queries, whatever the community's size.
 */
import type { NoticesPinnedOutput } from '../../../../src/shared/schemas/notices';
import type { Actor } from '../../authz/actor';
import { liveNotices } from '../../repositories/notices';
import { marksOf } from '../../repositories/noticeReads';
import { regionDirectory } from '../../repositories/regions';
import { noticeViews } from './noticeViews';

/** Urgent notices pinned at most at once (more would push the page away; the inbox has them all). */
const PINNED_MAX = 3;

/** Her pinned notices (none without a home community). */
export async function pinnedNotices(actor: Actor, now: Date): Promise<NoticesPinnedOutput> {
  const communityId = actor.user.homeCommunityId;
  const region = communityId ? (await regionDirectory()).get(communityId) : undefined;
  if (!communityId || !region) return { items: [] };
  const urgent = await liveNotices(communityId, now, 20, true);
  const { dismissed } = await marksOf(actor.userId, urgent.map((n) => n._id));
  const shown = urgent.filter((n) => !dismissed.has(n._id)).slice(0, PINNED_MAX);
  return { items: await noticeViews(actor, shown, () => region, now) };
}
