/** Group announcements (collection posts); images are shown only once the image check passed. */
import { newestFirstPage } from './newestFirstPage';
import { database } from '../runtime/cloudbase';
import { Collections } from './collections';

export interface PostImage {
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

/** Stores a new announcement. */
export async function addPost(post: PostDoc): Promise<void> {
  await posts().add(post);
}

/** An announcement by id (removed ones too), or null. */
export async function findPost(postId: string): Promise<PostDoc | null> {
  const { data } = await posts().doc(postId).get();
  return (data[0] as PostDoc | undefined) ?? null;
}

/** A page of a group's visible announcements (not removed, not hidden by moderation), newest first, and how many there are. */
export async function visiblePostsPage(groupId: string, offset: number, limit: number): Promise<{ items: PostDoc[]; total: number }> {
  const where = { groupId, removedAt: null, hidden: database().command.neq(true) };
  const { docs, total } = await newestFirstPage<PostDoc>(Collections.posts, where, 'createdAt', offset, limit);
  return { items: docs, total };
}

/** Marks an announcement removed (kept for the record). */
export async function markPostRemoved(postId: string, removedBy: string, reason: string | null, now: Date): Promise<void> {
  await posts().doc(postId).update({ removedAt: now, removedBy, removeReason: reason });
}

/** Announcements with images still waiting for their check, a batch at a time. */
export async function postsWithPendingImages(limit: number): Promise<PostDoc[]> {
  const _ = database().command;
  const { data } = await posts().where({ imagesPending: _.gt(0) }).limit(limit).get();
  return data as PostDoc[];
}

/** Stores the images' check results and how many still wait. */
export async function updatePostImages(postId: string, images: PostImage[]): Promise<void> {
  await posts().doc(postId).update({ images, imagesPending: images.filter((img) => img.status === 'pending').length });
}
