/**
 * Mini-program codes that open a page: WeChat's wxacode.getUnlimited (scene ≤ 32 visible ASCII
 * characters, read by the page as its `scene` option), through the cloud-call bridge
 * (`wx.openApi`, ./wechat/imageApi.ts). On the local cloud the emulated WeChat draws a real QR code of
 * `page?scene=…` (the `qrcode` package) and records it.
 *
 * Nothing is stored: the image goes back to the client as a data: URL (a leader's rotating
 * check-in code would otherwise leave a new PNG in storage every minute), and a warm instance
 * keeps the last codes it made so a screen polled within the same minute costs no second call.
 * Doc: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
 */
import { callImageApi } from './wechat/imageApi';
import type { OpenApi } from './wechat/openApi';

const GET_UNLIMITED: OpenApi = { path: '/wxa/getwxacodeunlimit', permission: 'wxacode.getUnlimited' };

export interface QrImage {
  /** A data: URL the client can display. */
  src: string;
  /** What the code opens: `page?scene=…`. */
  payload: string;
  /** The PNG itself (for documents that embed the code). */
  png: Buffer;
}

export interface QrCodes {
  forPage(page: string, scene: string): Promise<QrImage>;
}

const SCENE = /^[\x21-\x7e]{1,32}$/;
const CACHE_SIZE = 64;

function assertScene(scene: string): void {
  if (!SCENE.test(scene)) throw new Error('a mini-program code scene must be 1-32 visible ASCII characters');
}

export class MiniProgramCodes implements QrCodes {
  private readonly cache = new Map<string, QrImage>();

  async forPage(page: string, scene: string): Promise<QrImage> {
    assertScene(scene);
    const path = page.replace(/^\/+/, '');
    const key = `${path}?scene=${scene}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    // check_path false: codes for pages of a version not yet released still generate.
    const png = await callImageApi(GET_UNLIMITED, {
      page: path,
      scene,
      check_path: false,
      width: 430,
      ...(process.env.LINLI_MINIPROGRAM_STATE === 'trial' ? { env_version: 'trial' } : process.env.LINLI_MINIPROGRAM_STATE === 'developer' ? { env_version: 'develop' } : {}),
    });
    const image = { src: `data:image/png;base64,${png.toString('base64')}`, payload: key, png };
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, image);
    return image;
  }
}

let current: QrCodes | undefined;

/** The mini-program code maker. */
export function qrCodes(): QrCodes {
  current ??= new MiniProgramCodes();
  return current;
}
