/**
 * The headless Chromium of the browser suites and the H5 bench, brought by `npm install` alone
 * (nothing from the operating system's packages but glibc):
 *
 * - the browser: @sparticuz/chromium ships chrome-headless-shell inside its npm tarball as
 *   bin/chromium.br (brotli), with the NSS/NSPR/expat libraries it links against in
 *   bin/al2023.tar.br and SwiftShader in bin/swiftshader.tar.br. Its own `executablePath()`
 *   unpacks into the shared os.tmpdir() (/tmp/chromium, whatever version is already there) and
 *   unpacks the libraries only on AWS Lambda; so we unpack it ourselves, once per version, into
 *   node_modules/.cache, and put the libraries on LD_LIBRARY_PATH as its setupLambdaEnvironment
 *   does (https://github.com/Sparticuz/chromium, source/index.ts, helper.ts, lambdafs.ts).
 * - the fonts: the Noto Sans S Chinese weights of @embedpdf/fonts-sc (the same package as the
 *   proof PDFs' font), through a generated fonts.conf named by FONTCONFIG_FILE, with the generic
 *   families mapped to it, so pages render Chinese alike on every machine
 *   (https://www.freedesktop.org/software/fontconfig/fontconfig-user.html: FONTCONFIG_FILE,
 *   <dir>, <cachedir>, <alias>).
 *
 * LINLI_CHROMIUM names another chromium binary instead (e.g. on a machine that is not Linux x64,
 * the only build the package ships); the fonts are set up for it all the same.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { extract } from 'tar-fs';
import { packagedFontDir } from '../../cloudfunctions/_core/documents/cjkFont';

const root = join(__dirname, '..', '..');
const CACHE = join(root, 'node_modules', '.cache', 'linli-chromium');
const PACKAGE = '@sparticuz/chromium';

/** The flags every launch uses: no sandbox (CI runs as root), no GPU, nothing fetched from Google. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** What a browser process needs: its binary and its environment. */
export interface ChromiumInstall {
  executablePath: string;
  env: Record<string, string>;
}

/** The installed package's folder, found through its one exported entry (its `exports` opens only "."). */
function packageDir(): string {
  try {
    return join(dirname(require.resolve(PACKAGE)), '..');
  } catch {
    throw new Error(`${PACKAGE} is not installed: run \`npm install\``);
  }
}

async function inflate(file: string, target: string, isTar: boolean): Promise<void> {
  await pipeline(createReadStream(file), createBrotliDecompress(), isTar ? extract(target) : createWriteStream(target, { mode: 0o755 }));
}

/**
 * The unpacked browser of the installed version, unpacking it first when needed. Several jest
 * workers may get here at once: each unpacks into a folder of its own and renames it into
 * place; a worker that finds the place taken keeps the one already there.
 */
async function unpacked(): Promise<string> {
  const dir = packageDir();
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const target = join(CACHE, version);
  if (existsSync(join(target, 'chromium'))) return target;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`${PACKAGE} ships chromium for Linux x64 only (this is ${process.platform} ${process.arch}): set LINLI_CHROMIUM to a chromium or Chrome binary`);
  }
  const bin = join(dir, 'bin');
  const partial = `${target}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  mkdirSync(partial, { recursive: true });
  try {
    await Promise.all([
      inflate(join(bin, 'chromium.br'), join(partial, 'chromium'), false),
      // lib/libnss3.so and the rest: what `ldd chromium` lists beyond glibc.
      inflate(join(bin, 'al2023.tar.br'), partial, true),
      // libEGL/libGLESv2 beside the binary, where chromium looks for them (as the package lays them out).
      inflate(join(bin, 'swiftshader.tar.br'), partial, true),
    ]);
    chmodSync(join(partial, 'chromium'), 0o755);
    try {
      renameSync(partial, target);
    } catch (error) {
      if (!existsSync(join(target, 'chromium'))) throw error;
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return target;
}

/** Text for an XML element (a folder name may hold `&` or `<`). */
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A fonts.conf with only the npm font package's folder, and the generic families mapped to it. */
function fontConfig(): string {
  const fonts = packagedFontDir();
  if (!fonts || !existsSync(fonts)) throw new Error('the CJK font package is not installed: run `npm install`');
  const folder = join(CACHE, 'fontconfig');
  mkdirSync(folder, { recursive: true });
  const family = 'Noto Sans S Chinese';
  const alias = (generic: string) => `  <alias binding="same"><family>${generic}</family><prefer><family>${family}</family></prefer></alias>`;
  const conf = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <dir>${xml(fonts)}</dir>`,
    `  <cachedir>${xml(join(folder, 'cache'))}</cachedir>`,
    // The app's own stack names PingFang SC / Noto Sans CJK SC; on this machine they are this one.
    ...['sans-serif', 'serif', 'monospace', 'system-ui', 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei'].map(alias),
    '</fontconfig>',
    '',
  ].join('\n');
  const file = join(folder, 'fonts.conf');
  // Written whole under a name of its own, then renamed: a worker never reads half a file.
  const partial = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, conf);
  renameSync(partial, file);
  return file;
}

/** The browser binary and the environment to run it in, unpacking it on first use. */
export async function chromiumInstall(): Promise<ChromiumInstall> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  env.FONTCONFIG_FILE = fontConfig();
  const override = process.env.LINLI_CHROMIUM;
  if (override) {
    if (!existsSync(override)) throw new Error(`LINLI_CHROMIUM names ${override}, which does not exist`);
    return { executablePath: override, env };
  }
  const dir = await unpacked();
  env.LD_LIBRARY_PATH = [join(dir, 'lib'), ...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean)].join(':');
  return { executablePath: join(dir, 'chromium'), env };
}

/** Launches the headless browser with CHROMIUM_ARGS. */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, env } = await chromiumInstall();
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, env });
}
