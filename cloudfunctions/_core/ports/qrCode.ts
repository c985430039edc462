/**
 * QR codes that open a mini-program page. On CloudBase: `wxacode.getUnlimited` (a
 * mini-program code whose scene is ≤ 32 visible ASCII characters), stored in cloud storage.
 * Locally: the `qrcode` package drawing the H5 URL of the same page, as a data URL.
 */
import QRCode from 'qrcode';
import { cloudbaseApp } from '../runtime/cloudbase';
import { platform } from './platform';

export interface QrImage {
  /** A data: URL or a cloud file id the client can display. */
  src: string;
  /** What the code encodes (H5 URL locally; page + scene on WeChat). */
  payload: string;
}

export interface QrCodes {
  forPage(page: string, scene: string): Promise<QrImage>;
}

const SCENE = /^[\x21-\x7e]{1,32}$/;

function assertScene(scene: string): void {
  if (!SCENE.test(scene)) throw new Error('a mini-program code scene must be 1-32 visible ASCII characters');
}

export class LocalQrCodes implements QrCodes {
  async forPage(page: string, scene: string): Promise<QrImage> {
    assertScene(scene);
    const base = process.env.LINLI_PUBLIC_URL ?? 'http://127.0.0.1:8080';
    const payload = `${base}/#/${page}?scene=${encodeURIComponent(scene)}`;
    const src = await QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 2, width: 480 });
    return { src, payload };
  }
}

export class WeChatQrCodes implements QrCodes {
  async forPage(page: string, scene: string): Promise<QrImage> {
    assertScene(scene);
    const response = await cloudbaseApp().callWxOpenApi({
      apiName: '/wxa/getwxacodeunlimit',
      requestData: { page, scene, check_path: false, width: 480 },
    });
    const image = response.result as unknown;
    if (!Buffer.isBuffer(image)) throw new Error('wxacode.getUnlimited did not return an image');
    const upload = await cloudbaseApp().uploadFile({ cloudPath: `qrcodes/${page.replace(/\W+/g, '_')}/${scene}.png`, fileContent: image });
    return { src: upload.fileID ?? '', payload: `${page}?scene=${scene}` };
  }
}

let current: QrCodes | undefined;

/** The configured QR code maker. */
export function qrCodes(): QrCodes {
  current ??= platform() === 'cloudbase' ? new WeChatQrCodes() : new LocalQrCodes();
  return current;
}
