/**
 * Committee notices (collection `notices`): one document per notice, never one per resident —
 * a community can have 10,000+ residents, so the inbox lists her community's live notices beside
 * her own (commands/inbox/list.ts) and read marks are kept apart (noticeReads.ts).
 */
import type { NoticeKind, NoticeStatus } from '../../../src/shared/schemas/notices';
import { database } from '../runtime/cloudbase';
import { isDuplicateError } from '../runtime/dbErrors';
import { Collections } from './collections';
import { newestFirstPage, type NewestFirstPage } from './newestFirstPage';

/** The image's check (ports/imageCheck.ts): shown to residents only once it passed. */
export type NoticeImageStatus = 'pending' | 'pass' | 'risky';

export interface NoticeDoc {
  _id: string;
  communityId: string;
  title: string;
  body: string;
  kind: NoticeKind;
  urgent: boolean;
  validUntil: Date;
  imageFileId: string | null;
  /** null without an image; top-level (not inside an image object) so the timer's query is on an index. */
  imageStatus: NoticeImageStatus | null;
  status: NoticeStatus;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  withdrawReason: string | null;
}

/** What a draft's edit may change. */
export type NoticeEdit = Partial<Pick<NoticeDoc, 'title' | 'body' | 'kind' | 'urgent' | 'validUntil' | 'imageFileId' | 'imageStatus'>>;

const notices = () => database().collection(Collections.notices);

/** Writes a new notice; false when its id (derived from the request) is there already. */
export async function insertNotice(doc: NoticeDoc): Promise<boolean> {
  try {
    await notices().add(doc);
    return true;
  } catch (error) {
    if (isDuplicateError(error)) return false;
    throw error;
  }
}

/** The notice of an id, or null. */
export async function findNotice(noticeId: string): Promise<NoticeDoc | null> {
  const { data } = await notices().doc(noticeId).get();
  return (data[0] as NoticeDoc | undefined) ?? null;
}

/** Changes a draft (and publishes it with `publishedAt`); false when it is no longer a draft. */
export async function updateDraft(noticeId: string, edit: NoticeEdit, publishedAt: Date | null, now: Date): Promise<boolean> {
  const publish = publishedAt ? { status: 'published', publishedAt } : {};
  const done = await notices()
    .where({ _id: noticeId, status: 'draft' })
    .update({ ...edit, ...publish, updatedAt: now });
  return done.updated === 1;
}

/** Withdraws a published notice; false when it is not published (any more). */
export async function withdrawPublished(noticeId: string, by: string, reason: string, now: Date): Promise<boolean> {
  const done = await notices()
    .where({ _id: noticeId, status: 'published' })
    .update({ status: 'withdrawn', withdrawnAt: now, withdrawnBy: by, withdrawReason: reason, updatedAt: now });
  return done.updated === 1;
}

/** The community's notices in force now (published, still valid), newest first, at most `limit`. */
export async function liveNotices(communityId: string, now: Date, limit: number, urgentOnly = false): Promise<NoticeDoc[]> {
  const _ = database().command;
  const where = { communityId, status: 'published', validUntil: _.gt(now), ...(urgentOnly ? { urgent: true } : {}) };
  const { data } = await notices().where(where).orderBy('publishedAt', 'desc').limit(limit).get();
  return data as NoticeDoc[];
}

/** How many notices of the community are in force now. */
export async function liveNoticeCount(communityId: string, now: Date): Promise<number> {
  const _ = database().command;
  return (await notices().where({ communityId, status: 'published', validUntil: _.gt(now) }).count()).total;
}

/** A page of a community's notices of every status, newest first (staff). */
export async function communityNoticePage(communityId: string, offset: number, limit: number): Promise<NewestFirstPage<NoticeDoc>> {
  return newestFirstPage<NoticeDoc>(Collections.notices, { communityId }, 'createdAt', offset, limit);
}

/** Notices whose image still waits for its check (the timer asks WeChat again). */
export async function noticesWithPendingImages(limit: number): Promise<NoticeDoc[]> {
  const { data } = await notices().where({ imageStatus: 'pending' }).limit(limit).get();
  return data as NoticeDoc[];
}

/** Stores an image's verdict, if the image is still the one checked. */
export async function setImageStatus(noticeId: string, fileId: string, status: NoticeImageStatus): Promise<void> {
  await notices().where({ _id: noticeId, imageFileId: fileId }).update({ imageStatus: status });
}
