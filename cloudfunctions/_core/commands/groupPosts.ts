/**
 * Announcements on a group page. Text is checked before it is stored (review → rephrase,
 * risky → refused); images are stored as pending and shown only after the image check passes.
 */
import { abilities, authorize } from '../../../src/shared/policies/authorize';
import { groupPolicies, type GroupResource } from '../../../src/shared/policies/groups';
import { postPolicies } from '../../../src/shared/policies/posts';
import type { PostsCreateInput, PostView } from '../../../src/shared/schemas/posts';
import { assertContentAllowed } from '../ports/contentCheck';
import { imageChecker } from '../ports/imageCheck';
import { fileStore } from '../ports/storage';
import { recordAudit } from '../repositories/auditLog';
import { Collections } from '../repositories/collections';
import { findGroup } from '../repositories/groups';
import { findMembership } from '../repositories/memberships';
import { findUser, type UserDoc } from '../repositories/users';
import type { Actor } from '../runtime/actor';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { groupResource } from '../presenters/groups';
import { loadVisibleGroup } from './groupStewardship';
import { postErrors } from '../../../src/shared/domainErrors';

interface PostImage {
  fileId: string;
  status: 'pending' | 'pass' | 'risky';
}

export interface PostDoc {
  _id: string;
  groupId: string;
  authorId: string;
  text: string;
  images: PostImage[];
  imagesPending: number;
  createdAt: Date;
  removedAt: Date | null;
  removedBy: string | null;
  removeReason: string | null;
}

const posts = () => database().collection(Collections.posts);

const isLeadership = (g: GroupResource) => g.membership?.status === 'active' && (g.membership.role === 'leader' || g.membership.role === 'co_leader');

async function presentPosts(actor: Actor, docs: PostDoc[], group: GroupResource): Promise<PostView[]> {
  const authors = new Map<string, UserDoc | null>();
  for (const id of new Set(docs.map((d) => d.authorId))) authors.set(id, await findUser(id));
  const passed = docs.flatMap((d) => d.images.filter((i) => i.status === 'pass').map((i) => i.fileId));
  const urls = await fileStore().temporaryUrls(passed);
  return docs.map((doc) => {
    const author = authors.get(doc.authorId);
    const seesPending = doc.authorId === actor.userId || isLeadership(group);
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

/** Publishes an announcement after its text passed the content check. */
export async function createPost(actor: Actor, input: PostsCreateInput, requestId: string, now: Date): Promise<PostView> {
  const { resource } = await loadVisibleGroup(actor, input.groupId);
  authorize(groupPolicies, 'posts.create', actor, resource);
  await assertContentAllowed({ text: input.text }, 3, actor.openid);
  const post: PostDoc = {
    _id: `p${digest('post', actor.userId, requestId).slice(0, 24)}`,
    groupId: input.groupId,
    authorId: actor.userId,
    text: input.text,
    images: input.images.map((fileId) => ({ fileId, status: 'pending' })),
    imagesPending: input.images.length,
    createdAt: now,
    removedAt: null,
    removedBy: null,
    removeReason: null,
  };
  await posts().add(post);
  return (await presentPosts(actor, [post], resource))[0]!;
}

/** A group's announcements, newest first; removed ones are gone for everyone. */
export async function listPosts(actor: Actor, groupId: string, offset: number, limit: number) {
  const { resource } = await loadVisibleGroup(actor, groupId);
  const where = { groupId, removedAt: null, hidden: database().command.neq(true) };
  const [page, count] = await Promise.all([posts().where(where).orderBy('createdAt', 'desc').skip(offset).limit(limit).get(), posts().where(where).count()]);
  const items = await presentPosts(actor, page.data as PostDoc[], resource);
  return { items, total: count.total, hasMore: offset + items.length < count.total };
}

/** Removes an announcement (author, group leaders, or staff — staff removals are audited). */
export async function removePost(actor: Actor, postId: string, reason: string | undefined, requestId: string, now: Date): Promise<void> {
  const { data } = await posts().doc(postId).get();
  const post = data[0] as PostDoc | undefined;
  const notFound = postErrors.notFound();
  if (!post || post.removedAt) throw notFound;
  const group = await findGroup(post.groupId);
  if (!group) throw notFound;
  const resource = groupResource(group, await findMembership(group._id, actor.userId));
  authorize(groupPolicies, 'groups.view', actor, resource, notFound);
  authorize(postPolicies, 'posts.remove', actor, { group: resource, authorId: post.authorId });
  await posts().doc(postId).update({ removedAt: now, removedBy: actor.userId, removeReason: reason ?? null });
  if (post.authorId !== actor.userId && !isLeadership(resource)) {
    await recordAudit(
      { actorId: actor.userId, action: 'posts.remove', targetType: 'post', targetId: postId, regionId: group.communityId ?? group.streetId, reason: reason ?? null, details: {} },
      digest('audit', actor.userId, requestId),
      now,
    );
  }
}

/** Timer: checks the images still pending, a batch at a time. */
export async function checkPendingImages(): Promise<{ checked: number }> {
  const _ = database().command;
  const { data } = await posts().where({ imagesPending: _.gt(0) }).limit(50).get();
  let checked = 0;
  for (const post of data as PostDoc[]) {
    const images = [...post.images];
    // mediaCheckAsync v2 wants the openid of the user who published the image.
    const openid = (await findUser(post.authorId))?.openid ?? '';
    for (let i = 0; i < images.length; i += 1) {
      if (images[i]!.status !== 'pending') continue;
      images[i] = { ...images[i]!, status: await imageChecker().check(images[i]!.fileId, openid) };
      checked += 1;
    }
    await posts().doc(post._id).update({ images, imagesPending: images.filter((img) => img.status === 'pending').length });
  }
  return { checked };
}
