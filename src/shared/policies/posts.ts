/** Announcements: the abilities of the cloud function `posts`. */
import { isLeadership, isLive, isStaffOver, type GroupResource } from './groups';
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

/** Posting judges the group: its page lists this after the group's own abilities (groups.ts). */
export const postGroupPolicies = {
  'posts.create': (_actor, g) => isLive(g) && isLeadership(g),
} satisfies PolicySet<GroupResource>;
