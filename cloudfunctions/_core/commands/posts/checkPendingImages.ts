/** Timer checkPendingImages: sends the images still pending to WeChat's image check, a batch at a time. */
import { imageChecker } from '../../ports/imageCheck';
import { postsWithPendingImages, updatePostImages } from '../../repositories/posts';
import { findUser } from '../../repositories/users';

/** Checks up to 50 announcements' pending images and stores each verdict. */
export async function checkPendingImages(): Promise<{ checked: number }> {
  let checked = 0;
  for (const post of await postsWithPendingImages(50)) {
    const images = [...post.images];
    // mediaCheckAsync v2 wants the openid of the user who published the image.
    const openid = (await findUser(post.authorId))?.openid ?? '';
    for (let i = 0; i < images.length; i += 1) {
      if (images[i]!.status !== 'pending') continue;
      images[i] = { ...images[i]!, status: await imageChecker().check(images[i]!.fileId, openid) };
      checked += 1;
    }
    await updatePostImages(post._id, images);
  }
  return { checked };
}
