/** posts.remove: the author, the group's leaders or staff remove an announcement (staff removals are audited). */
import { groupPolicies } from '../../../../src/shared/policies/groups';
import { postPolicies } from '../../../../src/shared/policies/posts';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { groupResource, isGroupLeadership } from '../../authz/groups';
import { recordAudit } from '../../repositories/auditLog';
import { findGroup } from '../../repositories/groups';
import { findMembership } from '../../repositories/memberships';
import { findPost, markPostRemoved } from '../../repositories/posts';
import { digest } from '../../runtime/hash';
import { postErrors } from '../../../../src/shared/domainErrors';

/** Removes an announcement; one in a group the actor may not see answers like a missing one. */
export async function removePost(actor: Actor, postId: string, reason: string | undefined, requestId: string, now: Date): Promise<void> {
  const post = await findPost(postId);
  const notFound = postErrors.notFound();
  if (!post || post.removedAt) throw notFound;
  const group = await findGroup(post.groupId);
  if (!group) throw notFound;
  const resource = groupResource(group, await findMembership(group._id, actor.userId));
  authorize(groupPolicies, 'groups.view', actor, resource, notFound);
  authorize(postPolicies, 'posts.remove', actor, { group: resource, authorId: post.authorId });
  await markPostRemoved(postId, actor.userId, reason ?? null, now);
  if (post.authorId !== actor.userId && !isGroupLeadership(resource)) {
    await recordAudit(
      { actorId: actor.userId, action: 'posts.remove', targetType: 'post', targetId: postId, regionId: group.communityId ?? group.streetId, reason: reason ?? null, details: {} },
      digest('audit', actor.userId, requestId),
      now,
    );
  }
}
