/** Shared by posts.create and posts.list: what presenting announcements needs loaded first. */
import type { GroupResource } from '../../../../src/shared/policies/groups';
import type { PostView } from '../../../../src/shared/schemas/posts';
import type { Actor } from '../../authz/actor';
import { fileStore } from '../../ports/storage';
import { presentPosts } from '../../presenters/posts';
import type { PostDoc } from '../../repositories/posts';
import { findUser, type UserDoc } from '../../repositories/users';

/** Loads the authors and the checked images' URLs, then presents the announcements. */
export async function postViews(actor: Actor, docs: PostDoc[], group: GroupResource): Promise<PostView[]> {
  const authors = new Map<string, UserDoc | null>();
  for (const id of new Set(docs.map((d) => d.authorId))) authors.set(id, await findUser(id));
  const passed = docs.flatMap((d) => d.images.filter((i) => i.status === 'pass').map((i) => i.fileId));
  const urls = await fileStore().temporaryUrls(passed);
  return presentPosts(actor, docs, group, authors, urls);
}
