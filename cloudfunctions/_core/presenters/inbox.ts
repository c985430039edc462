/**
 * What the inbox function shows: notices in the reader's language — the ones sent to her (inbox
 * documents), what her own sign-ups came to (SignupDoc.told), whose ids are `signup:<id>`, and
 * her community's committee notices (NoticeDoc), whose ids are `notice:<id>`.
 */
import { noticeTextFor, type NoticeLocale, type NoticeParams } from '../ports/noticeTexts';
import type { InboxDoc } from '../repositories/inbox';
import type { NoticeDoc } from '../repositories/notices';
import type { SignupDoc, SignupTold } from '../repositories/signups';
import { noticeLinkOf } from './notices';

/** The prefix of a sign-up notice's id in the inbox (markRead tells the two kinds apart by it). */
export const SIGNUP_NOTICE_PREFIX = 'signup:';
/** The prefix of a committee notice's id in the inbox. */
export const NOTICE_PREFIX = 'notice:';

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

/** A committee notice of her community as a listed one (catalogued kind `notice`: staff's words, urgent ones marked). */
export function communityNotice(doc: NoticeDoc, read: boolean): ListedNotice {
  const publishedAt = doc.publishedAt ?? doc.createdAt;
  return {
    _id: `${NOTICE_PREFIX}${doc._id}`,
    kind: 'notice',
    title: '',
    body: '',
    params: { title: doc.title, body: doc.body, urgent: doc.urgent ? 1 : 0 },
    link: noticeLinkOf(doc._id),
    readAt: read ? publishedAt : null,
    createdAt: publishedAt,
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
