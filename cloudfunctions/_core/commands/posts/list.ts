/** posts.list: a group's announcements, newest first; removed ones are gone for everyone. */
import type { Actor } from '../../authz/actor';
import { loadVisibleGroup } from '../../authz/groups';
import { visiblePostsPage } from '../../repositories/posts';
import { postViews } from './postViews';

/** A page of a group's announcements for anyone who may see the group. */
export async function listPosts(actor: Actor, groupId: string, offset: number, limit: number) {
  const { resource } = await loadVisibleGroup(actor, groupId);
  const page = await visiblePostsPage(groupId, offset, limit);
  const items = await postViews(actor, page.items, resource);
  return { items, total: page.total, hasMore: offset + items.length < page.total };
}
