/**
 * notices.post — staff over a community (its committee, the street or county above) post a notice
 * to every resident of it: content-checked, kept a draft to edit or published at once. Publishing
 * writes one document, whatever the community's size — residents see it in their inbox as one of
 * their community's notices (commands/inbox/list.ts) — and queues the subscribe messages as a job.
 */
import { noticeCommunityPolicies } from '../../../../src/shared/policies/notices';
import type { NoticesPostInput, NoticeView } from '../../../../src/shared/schemas/notices';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadCommunity } from '../../authz/communities';
import { recordAudit } from '../../repositories/auditLog';
import { findNotice, insertNotice, type NoticeDoc } from '../../repositories/notices';
import { digest } from '../../runtime/hash';
import { noticeView } from './noticeViews';
import { assertNoticeText, assertRoomToPublish, assertValidity, imageStatusOf, startSending } from './publishing';

/** Posts a notice (a draft, or published); its id comes from the request, so a retry after a crash finds the same one. */
export async function postNotice(actor: Actor, input: NoticesPostInput, requestId: string, now: Date): Promise<NoticeView> {
  const region = await loadCommunity(input.communityId);
  authorize(noticeCommunityPolicies, 'notices.post', actor, { regionId: region._id, ancestorIds: region.ancestorIds });
  assertValidity(input.validUntil, now);
  await assertNoticeText(actor, { title: input.title, body: input.body });
  if (input.publish) await assertRoomToPublish(region._id, now);
  const doc: NoticeDoc = {
    _id: `nt${digest('notice', actor.userId, requestId).slice(0, 30)}`,
    communityId: region._id,
    title: input.title,
    body: input.body,
    kind: input.kind,
    urgent: input.urgent,
    validUntil: input.validUntil,
    imageFileId: input.image,
    imageStatus: await imageStatusOf(actor, input.image),
    status: input.publish ? 'published' : 'draft',
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    publishedAt: input.publish ? now : null,
    withdrawnAt: null,
    withdrawnBy: null,
    withdrawReason: null,
  };
  const stored = (await insertNotice(doc)) ? doc : ((await findNotice(doc._id)) ?? doc);
  if (stored.status === 'published') await startSending(actor, stored, now);
  await recordAudit(
    {
      actorId: actor.userId,
      action: input.publish ? 'notice.publish' : 'notice.draft',
      targetType: 'notice',
      targetId: stored._id,
      regionId: region._id,
      reason: null,
      details: { title: input.title, kind: input.kind, urgent: input.urgent },
    },
    `notice-post-${actor.userId}-${requestId}`,
    now,
  );
  return noticeView(actor, stored, region, now);
}
