/**
 * Noticeboard posters' codes (issue 14, item 3; the posters are commands/groups/poster.ts and
 * commands/activities/poster.ts): the mini-program code of a group's or an activity's
 * page with the facts printed beside it. The code is WeChat's wxacode.getUnlimited through the
 * same port as the check-in and proof codes (ports/qrCode.ts): nothing stored, the PNG goes back
 * as a data: URL. The scene is the id itself — group and activity ids are visible ASCII of at
 * most 25 characters, within getUnlimited's 32 — and the page reads it back from its `scene`
 * option (src/utils/posterScene.ts), so a scanned poster opens the page as a shared link does.
 * Doc: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
 */
import type { Poster } from '../../../src/shared/schemas/common';
import { qrCodes } from './qrCode';
import { activityErrors } from '../../../src/shared/domainErrors';

/** The pages a poster's code opens (their `scene` option is the id). */
export const POSTER_PAGES = { group: 'pages/group/index', activity: 'pages/activity/index' } as const;

/** getUnlimited's scene: at most 32 visible ASCII characters. */
const SCENE = /^[\x21-\x7e]{1,32}$/;

/** The mini-program code of a poster: opens `page` with the id as its scene. */
export async function posterCodeFor(page: string, id: string): Promise<Poster['code']> {
  if (!SCENE.test(id)) throw activityErrors.posterIdTooLong();
  const image = await qrCodes().forPage(page, id);
  return { image: image.src, page, scene: id };
}
