/**
 * The vendor run takes only the pinned copy of the vendor's tests (vendorSuite.ts): files are
 * checked by their git blob ids, so a changed, missing or extra file stops the run before it
 * starts. The run itself (`npm run conformance:vendor`) needs the vendor's files and is not part
 * of `npm test`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitBlobId, isVendorTestPath, VENDOR_TEST_FILES, verifyVendorTests } from './vendorSuite';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'linli-vendor-check-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('gitBlobId is git hash-object', () => {
  // `printf '' | git hash-object --stdin` and `printf 'hello\n' | git hash-object --stdin`.
  expect(gitBlobId(Buffer.from(''))).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  expect(gitBlobId(Buffer.from('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
});

test('a folder that is not the pinned copy is refused, naming what differs', () => {
  mkdirSync(join(dir, 'test', 'database', 'unit'), { recursive: true });
  writeFileSync(join(dir, 'test', 'database', 'index.test.ts'), 'it("passes", () => {});\n');
  writeFileSync(join(dir, 'test', 'database', 'unit', 'extra.test.ts'), '');
  let message = '';
  try {
    verifyVendorTests(dir);
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toContain('changed test/database/index.test.ts');
  expect(message).toContain('unexpected test/database/unit/extra.test.ts');
  expect(message).toContain('missing test/common/index.ts');
  expect(message.match(/missing /g)).toHaveLength(Object.keys(VENDOR_TEST_FILES).length - 1);
});

test('only the test folders are taken from the tarball', () => {
  expect(isVendorTestPath('test/database/unit/geo.test.ts')).toBe(true);
  expect(isVendorTestPath('test/common/index.ts')).toBe(true);
  expect(isVendorTestPath('test/storage/cos.jpeg')).toBe(false);
  expect(isVendorTestPath('test/databases/x.ts')).toBe(false);
  expect(isVendorTestPath('lib/index.js')).toBe(false);
});
