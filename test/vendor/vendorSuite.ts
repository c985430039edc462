/**
 * The SDK vendor's own database tests (TencentCloudBase/node-sdk `test/database`), fetched at run
 * time from a pinned copy and checked file by file: they are the vendor's, so they never enter
 * this repository. Two copies hold the same files byte for byte (checked 2026-12, see
 * docs/emulator.md): the npm tarball of @cloudbase/node-sdk 2.9.0 — the last release that
 * published its tests (2.11.0 and 3.x ship none) — and the GitHub repository at b3c9dda (tag
 * 2.8.0-beta, still the head of its master branch).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-fs';

export const VENDOR_PACKAGE = {
  name: '@cloudbase/node-sdk',
  version: '2.9.0',
  /** The registry's `dist.integrity` of the tarball (npm view @cloudbase/node-sdk@2.9.0 dist.integrity). */
  integrity: 'sha512-/P16zzWprS+jDNaF/Dx0mGNp0mxZIzXGnqRR0iq5uNLmPg9ij7Q8ZrER5lVaVapbK3ghjD2reCpEGW0XxwcHXg==',
} as const;

/** TencentCloudBase/node-sdk's commit whose `test/database` and `test/common` the tarball repeats. */
export const VENDOR_COMMIT = 'b3c9dda879254ef769adc20aefbb116dd46c5eb7';

/** The folders of the vendor's tree the run takes. */
export const VENDOR_TEST_FOLDERS = ['test/database', 'test/common'] as const;

/** Every file of those folders, with its git blob id at VENDOR_COMMIT (`git ls-tree -r`). */
export const VENDOR_TEST_FILES: Readonly<Record<string, string>> = {
  'test/common/index.ts': '0285ff42f91bb6ad56d2514db22acc099c54ce9f',
  'test/database/README.md': '31d56ebd498a887f04793fcec9d540bec428d585',
  'test/database/index.test.ts': 'ee546ae6de438af7c8e6595021972b1a6dffeb8f',
  'test/database/unit/advanced-operator.test.ts': 'be941921ece009a0802ce7eddf9997b0687a5486',
  'test/database/unit/aggregation.test.ts': '098e5fe90165d982c1d75b89583064e5da4c24dd',
  'test/database/unit/collection.test.ts': '20815ecd1ca687b4b990cacf79e25d61bf968f77',
  'test/database/unit/command.test.ts': '0194b92a149d20cd2dcc655d76028fb7ed9477da',
  'test/database/unit/date.test.ts': '0979f047e83da3b8fd99ead8072504f109fcc1ed',
  'test/database/unit/db.test.ts': '07fb738f7ef231d33ec62388182537a3165ced40',
  'test/database/unit/document.test.ts': '4c81366f19f48fac65dd58aaba96cae6aa975af1',
  'test/database/unit/geo-advanced.test.ts': '0fc523419f0af3ae3e70f452644ff886a1472507',
  'test/database/unit/geo.test.ts': '0408689be544032faa3c6d0303a4cef580c5e85b',
  'test/database/unit/logic-operators.test.ts': 'f9d4fff4694ec0e88d4c6eb88dac21cf9d28b046',
  'test/database/unit/lookup-pipeline.test.ts': 'aa25dc6cd74f56460f53f58a1e6e76d3e1879c95',
  'test/database/unit/mock.ts': '9d0f005a4746522083f4224d30581daf7df4c73e',
  'test/database/unit/oid.test.ts': 'db1715d2ef7f623fb15ac984ed297cf82ce68413',
  'test/database/unit/order.test.ts': 'a8482f734bc0911847d9fe9f4e7489ef557a668b',
  'test/database/unit/projection.test.ts': 'e755ffcca41788abf3da16542707104fe6fecb1e',
  'test/database/unit/query-date.test.ts': '9dde2760ad820d7dab4f2c56f732ea06cde9ef45',
  'test/database/unit/query.limit.test.ts': 'a49e158a266c95682ee594e7823f8b117fd84e40',
  'test/database/unit/regex-query.test.ts': 'b41d12d451e64320e5be9fa63227f96b04d5b68d',
  'test/database/unit/transaction.test.ts': '8d4c8147008bee1f16d2e323b2734d21a9a8e0c8',
  'test/database/unit/util.test.ts': '90cc3f5a1bdd94fe9b13136d7e36aed0c88c4702',
  'test/database/unit/validate.test.ts': '1ed13175168baab2af150b25abdf627886fe435a',
};

/** Git's id of a file's bytes (`git hash-object`): sha1 of "blob <size>\0" and the bytes. */
export function gitBlobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * Checks that `root` holds exactly the pinned vendor files under VENDOR_TEST_FOLDERS, each with
 * its pinned content; throws naming every file missing, changed or unexpected.
 */
export function verifyVendorTests(root: string): void {
  const problems: string[] = [];
  const found = new Set(VENDOR_TEST_FOLDERS.flatMap((folder) => filesUnder(join(root, folder))).map((file) => relative(root, file).split(sep).join('/')));
  for (const [path, blob] of Object.entries(VENDOR_TEST_FILES)) {
    if (!found.has(path)) problems.push(`missing ${path}`);
    else if (gitBlobId(readFileSync(join(root, path))) !== blob) problems.push(`changed ${path}`);
  }
  for (const path of found) if (!(path in VENDOR_TEST_FILES)) problems.push(`unexpected ${path}`);
  if (problems.length > 0) throw new Error(`the vendor's tests in ${root} are not the pinned copy (${VENDOR_COMMIT}): ${problems.join(', ')}`);
}

/** The Subresource Integrity string (`sha512-<base64>`) of a file, as npm records it. */
function integrityOf(file: string): string {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/**
 * Downloads the pinned tarball into `dir` with npm (its cache answers when it holds the tarball,
 * so a second run needs no network) and checks it against the pinned integrity.
 */
export function packVendorTarball(dir: string): string {
  const spec = `${VENDOR_PACKAGE.name}@${VENDOR_PACKAGE.version}`;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  let out: string;
  try {
    out = execFileSync(npm, ['pack', spec, '--prefer-offline', '--pack-destination', dir, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    throw new Error(`npm could not fetch ${spec} (no network and not in npm's cache?): ${stderr.trim().split('\n').slice(-3).join(' ')}`);
  }
  const [packed] = JSON.parse(out) as Array<{ filename: string }>;
  const tarball = join(dir, packed!.filename);
  const integrity = integrityOf(tarball);
  if (integrity !== VENDOR_PACKAGE.integrity) throw new Error(`${spec} from npm is not the pinned tarball: integrity ${integrity}, expected ${VENDOR_PACKAGE.integrity}`);
  return tarball;
}

/** Unpacks an npm tarball's `package/` folder into `target` (only entries `keep` accepts, by path inside the package). */
export async function unpackTarball(tarball: string, target: string, keep: (path: string) => boolean): Promise<void> {
  await pipeline(
    createReadStream(tarball),
    createGunzip(),
    extract(target, {
      map: (header) => ({ ...header, name: header.name.replace(/^package\//, '') }),
      ignore: (_name, header) => header !== undefined && !keep(header.name),
    }),
  );
}

/** Copies the vendor's test folders at VENDOR_COMMIT out of a git directory (a clone or a bare mirror) into `target`. */
export async function archiveFromGit(gitDir: string, target: string): Promise<void> {
  const archive = spawn('git', ['--git-dir', gitDir, 'archive', '--format=tar', VENDOR_COMMIT, ...VENDOR_TEST_FOLDERS], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  archive.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => archive.once('close', resolve));
  await pipeline(archive.stdout, extract(target));
  const code = await exited;
  if (code !== 0) throw new Error(`git archive of ${VENDOR_COMMIT} in ${gitDir} failed: ${stderr.trim()}`);
}

/** True for the paths of the vendor's tests inside the package. */
export function isVendorTestPath(path: string): boolean {
  return VENDOR_TEST_FOLDERS.some((folder) => path === folder || path.startsWith(`${folder}/`));
}
