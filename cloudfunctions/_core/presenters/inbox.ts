/**
 * What the inbox function shows: notices in the reader's language — the ones sent to her (inbox
 * documents) and what her own sign-ups came to (SignupDoc.told), whose ids are `signup:<id>`.
 */
import { noticeTextFor, type NoticeLocale, type NoticeParams } from '../ports/noticeTexts';
import type { InboxDoc } from '../repositories/inbox';
import type { SignupDoc, SignupTold } from '../repositories/signups';

/** The prefix of a sign-up notice's id in the inbox (markRead tells the two kinds apart by it). */
export const SIGNUP_NOTICE_PREFIX = 'signup:';

/** Either kind of notice, as the list orders and shows them. */
export interface ListedNotice {
  _id: string;
  kind: string;
  title: string;
  body: string;
  params?: NoticeParams | null;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/** A sign-up's notice as a listed one. */
export function signupNotice(signup: SignupDoc & { told: SignupTold }): ListedNotice {
  return {
    _id: `${SIGNUP_NOTICE_PREFIX}${signup._id}`,
    kind: signup.told.kind,
    title: '',
    body: '',
    params: signup.told.params,
    link: `pages/activity/index?id=${signup.activityId}`,
    readAt: signup.told.readAt,
    createdAt: signup.told.at,
  };
}

/** One notice as the list shows it; catalogued ones rendered in `locale`, older ones as stored. */
export function presentNotice(notice: InboxDoc | ListedNotice, locale: NoticeLocale) {
  return {
    id: notice._id,
    kind: notice.kind,
    ...noticeTextFor(notice, locale),
    link: notice.link,
    createdAt: notice.createdAt.toISOString(),
    read: notice.readAt !== null,
  };
}
