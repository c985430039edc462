/**
 * Reads a poster's mini-program code as a phone would (shared by the groups and activities poster
 * tests, split by function in issue 17): the emulated WeChat's getUnlimited draws a QR of
 * `page?scene=…`, and the page reads its id from the scene, URL-encoded by WeChat.
 */
import type { Poster } from '../../src/shared/schemas/common';
import { pageIdOf } from '../../src/utils/posterScene';
import { readQrDataUrl } from './qrRead';

/** What a scanned code opens: its page and the id the page reads from the scene (URL-encoded by WeChat). */
export function opened(poster: Poster): { page: string; id: string } {
  const text = readQrDataUrl(poster.code.image);
  if (!text) throw new Error('no QR code in the poster image');
  const [page, query] = text.split('?');
  const scene = new URLSearchParams(query).get('scene') ?? '';
  return { page: page!, id: pageIdOf({ scene: encodeURIComponent(scene) }) };
}
