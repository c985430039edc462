/** What the posts function shows: announcements with their author and the viewer's abilities. */
import { postPolicies } from '../../../src/shared/policies/posts';
import { type GroupResource } from '../../../src/shared/policies/groups';
import type { PostView } from '../../../src/shared/schemas/posts';
import type { Actor } from '../authz/actor';
import { abilities } from '../authz/authorize';
import { isGroupLeadership } from '../authz/groups';
import type { PostDoc } from '../repositories/posts';
import type { UserDoc } from '../repositories/users';

/**
 * Announcements as one viewer sees them: checked images only (as temporary URLs from `urls`),
 * and how many still wait only to their author and the group's leaders.
 */
export function presentPosts(actor: Actor, docs: PostDoc[], group: GroupResource, authors: Map<string, UserDoc | null>, urls: Map<string, string>): PostView[] {
  return docs.map((doc) => {
    const author = authors.get(doc.authorId);
    const seesPending = doc.authorId === actor.userId || isGroupLeadership(group);
    return {
      id: doc._id,
      groupId: doc.groupId,
      author: { nickname: author?.nickname ?? '', avatar: author?.avatar ?? null },
      text: doc.text,
      images: doc.images.filter((i) => i.status === 'pass').map((i) => urls.get(i.fileId) ?? i.fileId),
      imagesPending: seesPending ? doc.images.filter((i) => i.status === 'pending').length : 0,
      createdAt: doc.createdAt.toISOString(),
      abilities: abilities(postPolicies, actor, { group, authorId: doc.authorId }),
    };
  });
}
