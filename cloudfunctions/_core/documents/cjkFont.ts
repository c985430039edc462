/**
 * The CJK font embedded in proof and record PDFs. It comes with `npm install`, not from the
 * operating system: the npm package @embedpdf/fonts-sc carries Noto Sans S Chinese
 * (NotoSansHans-*.otf, OFL-1.1, 5 weights, ~8 MB each; every GB2312 hanzi and 20,945 of the
 * 20,992 CJK Unified Ideographs), which pdfkit embeds as a CFF subset. Package:
 * https://www.npmjs.com/package/@embedpdf/fonts-sc (files listed in its dist/index.cjs).
 */
import { dirname, join } from 'node:path';

/** The package, and the weight the PDFs use. */
export const FONT_PACKAGE = '@embedpdf/fonts-sc';
export const FONT_FILE = 'NotoSansHans-Regular.otf';

/**
 * The package's folder of .otf files, or null when it is not installed (on CloudBase the
 * bundle has no node_modules: there the font staged beside it by `deploy:functions` is used).
 * Its `exports` map opens only "." (dist/index.cjs), so the folder is found from there.
 */
export function packagedFontDir(): string | null {
  try {
    return join(dirname(require.resolve(FONT_PACKAGE)), '..', 'fonts');
  } catch {
    return null;
  }
}

/** The regular weight's file in the installed package, or null. */
export function packagedFont(): string | null {
  const dir = packagedFontDir();
  return dir ? join(dir, FONT_FILE) : null;
}
