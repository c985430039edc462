/** What the notices function shows of a committee notice, with the viewer's abilities. */
import { noticePolicies } from '../../../src/shared/policies/notices';
import type { NoticeView } from '../../../src/shared/schemas/notices';
import type { Actor } from '../authz/actor';
import { abilities } from '../authz/authorize';
import { noticeResource } from '../authz/notices';
import type { NoticeDoc } from '../repositories/notices';
import type { RegionDoc } from '../repositories/regions';

/** The page a notice opens in the app (inbox links, subscribe messages). */
export const noticeLinkOf = (noticeId: string) => `package-notices/detail/index?id=${noticeId}`;

/** A notice as the actor sees it; `imageUrl` is the checked image's address (null before it passed). */
export function presentNotice(actor: Actor, doc: NoticeDoc, region: RegionDoc, extra: { read: boolean; imageUrl: string | null; now: Date }): NoticeView {
  const granted = abilities(noticePolicies, actor, noticeResource(actor, doc, region));
  const staff = granted.includes('notices.manage');
  return {
    id: doc._id,
    communityId: doc.communityId,
    communityName: region.name,
    title: doc.title,
    body: doc.body,
    kind: doc.kind,
    urgent: doc.urgent,
    validUntil: doc.validUntil.toISOString(),
    live: doc.status === 'published' && doc.validUntil.getTime() > extra.now.getTime(),
    image: doc.imageStatus === 'pass' ? extra.imageUrl : null,
    imagePending: staff && doc.imageFileId !== null && doc.imageStatus !== 'pass',
    status: doc.status,
    publishedAt: doc.publishedAt ? doc.publishedAt.toISOString() : null,
    withdrawnAt: doc.withdrawnAt ? doc.withdrawnAt.toISOString() : null,
    withdrawReason: staff ? doc.withdrawReason : null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    read: extra.read,
    abilities: granted,
  };
}
