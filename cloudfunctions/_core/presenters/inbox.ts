/** What the inbox function shows: notices in the reader's language. */
import { noticeTextFor, type NoticeLocale } from '../ports/noticeTexts';
import type { InboxDoc } from '../repositories/inbox';

/** One notice as the list shows it; catalogued ones rendered in `locale`, older ones as stored. */
export function presentNotice(notice: InboxDoc, locale: NoticeLocale) {
  return {
    id: notice._id,
    kind: notice.kind,
    ...noticeTextFor(notice, locale),
    link: notice.link,
    createdAt: notice.createdAt.toISOString(),
    read: notice.readAt !== null,
  };
}
