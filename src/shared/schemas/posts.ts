import * as z from '../zod';
import { FileRef, Id, Page, paged, text } from './common';

export const PostsCreateInput = z
  .object({ groupId: Id, text: text(1, 2000), images: z.array(FileRef).max(9, '最多 9 张图片').default([]) })
  .strict();
export type PostsCreateInput = z.infer<typeof PostsCreateInput>;

/** An announcement; images appear only once they passed the image check. */
export const PostView = z.object({
  id: Id,
  groupId: Id,
  author: z.object({ nickname: z.string(), avatar: z.string().nullable() }),
  text: z.string(),
  images: z.array(z.string()),
  /** How many images still wait for their check (shown to the author and leaders only). */
  imagesPending: z.number().int(),
  createdAt: z.string(),
  abilities: z.array(z.string()),
});
export type PostView = z.infer<typeof PostView>;

export const PostsListInput = Page.extend({ groupId: Id }).strict();
export const PostsListOutput = paged(PostView);
export const PostsRemoveInput = z.object({ postId: Id, reason: text(2, 200).optional() }).strict();
export type PostsRemoveInput = z.infer<typeof PostsRemoveInput>;
export const PostsRemoveOutput = z.object({ removed: z.boolean() });
