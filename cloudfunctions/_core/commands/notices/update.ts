/**
 * notices.update — staff edit a draft (only a draft: what residents have read never changes under
 * them; a published mistake is withdrawn and posted again) and may publish it with the edit.
 */
import { noticeErrors } from '../../../../src/shared/domainErrors';
import type { NoticesUpdateInput, NoticeView } from '../../../../src/shared/schemas/notices';
import type { Actor } from '../../authz/actor';
import { loadNotice } from '../../authz/notices';
import { recordAudit } from '../../repositories/auditLog';
import { findNotice, updateDraft, type NoticeEdit } from '../../repositories/notices';
import { noticeView } from './noticeViews';
import { assertNoticeText, assertRoomToPublish, assertValidity, imageStatusOf, startSending } from './publishing';

/** Edits (and perhaps publishes) a draft the actor runs. */
export async function updateNotice(actor: Actor, input: NoticesUpdateInput, requestId: string, now: Date): Promise<NoticeView> {
  const { notice, region } = await loadNotice(actor, input.noticeId, 'notices.update', noticeErrors.notDraft());
  const edit: NoticeEdit = {};
  if (input.title !== undefined) edit.title = input.title;
  if (input.body !== undefined) edit.body = input.body;
  if (input.kind !== undefined) edit.kind = input.kind;
  if (input.urgent !== undefined) edit.urgent = input.urgent;
  if (input.validUntil !== undefined) edit.validUntil = input.validUntil;
  if (input.image !== undefined && input.image !== notice.imageFileId) {
    edit.imageFileId = input.image;
    edit.imageStatus = await imageStatusOf(actor, input.image);
  }
  // Publishing checks the validity it goes out with, edited or not.
  if (input.validUntil !== undefined || input.publish) assertValidity(edit.validUntil ?? notice.validUntil, now);
  if (input.title !== undefined || input.body !== undefined) await assertNoticeText(actor, { title: input.title, body: input.body });
  if (input.publish) await assertRoomToPublish(notice.communityId, now);
  if (!(await updateDraft(notice._id, edit, input.publish ? now : null, now))) throw noticeErrors.notDraft();
  const after = (await findNotice(notice._id))!;
  if (input.publish) await startSending(actor, after, now);
  await recordAudit(
    { actorId: actor.userId, action: input.publish ? 'notice.publish' : 'notice.edit', targetType: 'notice', targetId: notice._id, regionId: notice.communityId, reason: null, details: { fields: Object.keys(edit) } },
    `notice-update-${actor.userId}-${requestId}`,
    now,
  );
  return noticeView(actor, after, region, now);
}
