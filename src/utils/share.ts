/** Share cards (weapp's onShareAppMessage): the picture a card shows. */

/**
 * The packaged default picture, 5:4 as WeChat draws share cards; config/index.ts copies
 * src/assets/share/ to the package root (a path string, not an import: webpack would inline a
 * small image as a data: URL, which a share card cannot show).
 */
export const DEFAULT_SHARE_IMAGE = '/assets/share/default.png';

/**
 * The cover as the card's picture when WeChat can load it: a cloud file id (supported since base
 * library 2.8.1) or an https link; else the default, rather than WeChat's screenshot of the page.
 */
export function shareImageOf(cover: string | null | undefined): string {
  return cover && /^(cloud|https):\/\//.test(cover) ? cover : DEFAULT_SHARE_IMAGE;
}
