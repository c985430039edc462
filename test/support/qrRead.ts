/**
 * Reads back what a mini-program code says: the emulated WeChat draws getUnlimited's codes as
 * QR codes of `page?scene=…`, so a test can decode the PNG (pngjs + jsQR) instead of trusting a
 * record of what was asked.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of the QR code in a PNG data: URL, or null when none is found. */
export function readQrDataUrl(dataUrl: string): string | null {
  const match = /^data:image\/png;base64,(.+)$/.exec(dataUrl);
  if (!match) return null;
  const png = PNG.sync.read(Buffer.from(match[1]!, 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
