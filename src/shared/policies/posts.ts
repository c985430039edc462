/** Announcements (served by the cloud function `posts`); creating one is a group ability (groups.ts). */
import { isLeadership, isStaffOver, type GroupResource } from './groups';
import type { PolicySet } from './authorize';

/** A post and the group it belongs to, as the post policies see them. */
export interface PostResource {
  group: GroupResource;
  authorId: string;
}

/** What a user may do with an announcement. */
export const postPolicies = {
  'posts.remove': (actor, p) => p.authorId === actor.userId || isLeadership(p.group) || isStaffOver(actor, p.group),
} satisfies PolicySet<PostResource>;
