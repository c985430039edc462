/** Shared by the roll-call actions and their notice job: notices to many people at once, and where they lead. */
import { inParallel } from '../../runtime/inParallel';
import { notifier, type Notice, type Notifier } from '../../ports/notify';
import { noticeLocaleOf } from '../../ports/noticeTexts';
import { recipientsOf, wechatOpenidOf } from '../../repositories/users';

/** Notices sent at once: enough to reach 2,000 people in seconds without flooding the database. */
const NOTIFY_WIDTH = 16;

/** The roll-call's page in the app. */
export const linkOf = (rollCallId: string) => `package-volunteer/rollcall/index?id=${rollCallId}`;

/** Sends one notice to each user, with her openid and language for the subscribe message (one lookup for all). */
export async function notifyEach(userIds: string[], notice: (userId: string) => Notice, via: Notifier = notifier()): Promise<void> {
  const recipients = await recipientsOf(userIds);
  await inParallel(userIds, NOTIFY_WIDTH, (userId) => {
    const user = recipients.get(userId);
    // A resident without her own WeChat gets no message (ports/notify.ts tells her proxies instead).
    const openid = user ? wechatOpenidOf(user) : null;
    const recipient = user && openid ? { openid, locale: noticeLocaleOf(user), communityId: user.homeCommunityId ?? null } : undefined;
    return via.notify(notice(userId), recipient);
  });
}
