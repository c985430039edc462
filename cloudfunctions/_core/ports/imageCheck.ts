/**
 * Image safety, run after a post is published (DOMAIN: publish text at once, show images once
 * they pass). On CloudBase: WeChat's img_sec_check; locally: the file must be a real PNG, JPEG,
 * GIF or WebP of at most 10 MB, read back from storage.
 */
import { cloudbaseApp } from '../runtime/cloudbase';
import { platform } from './platform';

export type ImageVerdict = 'pass' | 'risky';

export interface ImageChecker {
  check(fileId: string): Promise<ImageVerdict>;
}

const MAX_BYTES = 10 * 1024 * 1024;

/** The image format of some bytes, by their magic numbers. */
export function imageFormatOf(bytes: Buffer): 'png' | 'jpeg' | 'gif' | 'webp' | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.subarray(0, 6).toString('latin1'))) return 'gif';
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return null;
}

async function download(fileId: string): Promise<Buffer | null> {
  try {
    const { fileContent } = await cloudbaseApp().downloadFile({ fileID: fileId });
    return Buffer.isBuffer(fileContent) ? fileContent : null;
  } catch {
    return null;
  }
}

export class LocalImageChecker implements ImageChecker {
  async check(fileId: string): Promise<ImageVerdict> {
    const bytes = await download(fileId);
    return bytes && bytes.length <= MAX_BYTES && imageFormatOf(bytes) ? 'pass' : 'risky';
  }
}

export class WeChatImageChecker implements ImageChecker {
  async check(fileId: string): Promise<ImageVerdict> {
    const bytes = await download(fileId);
    if (!bytes || !imageFormatOf(bytes)) return 'risky';
    const response = await cloudbaseApp().callWxOpenApi({ apiName: '/wxa/img_sec_check', requestData: { media: { contentType: 'image/png', value: bytes } } });
    const body = (Buffer.isBuffer(response.result) ? JSON.parse(response.result.toString('utf8')) : response.result) as { errcode?: number };
    return body.errcode === 0 ? 'pass' : 'risky';
  }
}

let current: ImageChecker | undefined;

/** The configured image checker. */
export function imageChecker(): ImageChecker {
  current ??= platform() === 'cloudbase' ? new WeChatImageChecker() : new LocalImageChecker();
  return current;
}
