/**
 * Shared by notices.post and notices.update: the rules a notice's content and validity must meet,
 * its image's check, and what publishing starts — the subscribe messages as a background job
 * (never sent inside the posting call: a community can have thousands of subscribers).
 */
import { NOTICE_LIVE_CAP, NOTICE_MAX_VALID_DAYS } from '../../../../src/shared/schemas/notices';
import { noticeErrors } from '../../../../src/shared/domainErrors';
import type { Actor } from '../../authz/actor';
import { assertContentAllowed } from '../../ports/contentCheck';
import { imageChecker } from '../../ports/imageCheck';
import { createJob } from '../../repositories/jobs';
import { liveNoticeCount, type NoticeDoc, type NoticeImageStatus } from '../../repositories/notices';
import { subscriberCount } from '../../repositories/noticeSubscriptions';
import { NOTICE_SEND_JOB, sendJobIdOf } from './sendJob';

/** A valid-until a minute old is still "now" (phones' and servers' clocks differ a little). */
const PAST_GRACE_MS = 60_000;

/** Refuses a valid-until in the past or beyond NOTICE_MAX_VALID_DAYS. */
export function assertValidity(validUntil: Date, now: Date): void {
  if (validUntil.getTime() <= now.getTime() - PAST_GRACE_MS) throw noticeErrors.validInPast();
  if (validUntil.getTime() > now.getTime() + NOTICE_MAX_VALID_DAYS * 24 * 3600_000) throw noticeErrors.validTooLong();
}

/** Staff text goes through WeChat's content check (scene 3: forum) before it is stored. */
export async function assertNoticeText(actor: Actor, fields: { title?: string; body?: string }): Promise<void> {
  await assertContentAllowed(fields, 3, actor.openid);
}

/** Submits an image to WeChat's check: `pending` until its verdict arrives (ports/imageCheck.ts). */
export async function imageStatusOf(actor: Actor, fileId: string | null): Promise<NoticeImageStatus | null> {
  if (!fileId) return null;
  return imageChecker().check(fileId, actor.openid);
}

/**
 * Refuses publishing past NOTICE_LIVE_CAP notices in force in one community: the inbox and the
 * unread badge read all of a community's live notices at once. Two staff publishing at the same
 * instant may pass it together; the inbox reads twice the cap, so that never miscounts.
 */
export async function assertRoomToPublish(communityId: string, now: Date): Promise<void> {
  if ((await liveNoticeCount(communityId, now)) >= NOTICE_LIVE_CAP) throw noticeErrors.tooManyLive({ cap: NOTICE_LIVE_CAP });
}

/** What publishing starts: the job that sends subscribers their message (its id derived: a retry finds it). */
export async function startSending(actor: Actor, notice: NoticeDoc, now: Date): Promise<void> {
  await createJob(
    {
      _id: sendJobIdOf(notice._id),
      fn: 'notices',
      kind: NOTICE_SEND_JOB,
      params: { noticeId: notice._id },
      total: await subscriberCount(notice.communityId),
      createdBy: actor.userId,
      regionId: notice.communityId,
    },
    now,
  );
}
