/** Timer job checkImages: asks WeChat's image check again for notices whose image waits for its verdict. */
import { imageChecker } from '../../ports/imageCheck';
import { noticesWithPendingImages, setImageStatus } from '../../repositories/notices';
import { findUser } from '../../repositories/users';

/** Checks up to 50 notices' pending images and stores each verdict. */
export async function checkNoticeImages(): Promise<{ checked: number }> {
  let checked = 0;
  for (const notice of await noticesWithPendingImages(50)) {
    if (!notice.imageFileId) continue;
    // mediaCheckAsync v2 wants the openid of whoever published the image.
    const openid = (await findUser(notice.createdBy))?.openid ?? '';
    await setImageStatus(notice._id, notice.imageFileId, await imageChecker().check(notice.imageFileId, openid));
    checked += 1;
  }
  return { checked };
}
