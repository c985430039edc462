/** notices.list — staff's page of a community's notices, every status, newest first. */
import { noticeCommunityPolicies } from '../../../../src/shared/policies/notices';
import type { NoticesListOutput } from '../../../../src/shared/schemas/notices';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadCommunity } from '../../authz/communities';
import { communityNoticePage } from '../../repositories/notices';
import { noticeViews } from './noticeViews';

/** A page of the community's notices for staff over it. */
export async function listNotices(actor: Actor, communityId: string, offset: number, limit: number, now: Date): Promise<NoticesListOutput> {
  const region = await loadCommunity(communityId);
  authorize(noticeCommunityPolicies, 'notices.list', actor, { regionId: region._id, ancestorIds: region.ancestorIds });
  const page = await communityNoticePage(region._id, offset, limit);
  return { items: await noticeViews(actor, page.docs, () => region, now), total: page.total, hasMore: page.hasMore };
}
