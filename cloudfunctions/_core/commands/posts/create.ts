/**
 * posts.create: an announcement on a group page. Text is checked before it is stored (review →
 * rephrase, risky → refused); images are stored as pending and shown only after the image check passes.
 */
import { postGroupPolicies } from '../../../../src/shared/policies/posts';
import type { PostsCreateInput, PostView } from '../../../../src/shared/schemas/posts';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleGroup } from '../../authz/groups';
import { assertContentAllowed } from '../../ports/contentCheck';
import { addPost, type PostDoc } from '../../repositories/posts';
import { digest } from '../../runtime/hash';
import { postViews } from './postViews';

/** Publishes an announcement after its text passed the content check. */
export async function createPost(actor: Actor, input: PostsCreateInput, requestId: string, now: Date): Promise<PostView> {
  const { resource } = await loadVisibleGroup(actor, input.groupId);
  authorize(postGroupPolicies, 'posts.create', actor, resource);
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
  await addPost(post);
  return (await postViews(actor, [post], resource))[0]!;
}
