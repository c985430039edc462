/**
 * `npm run conformance:vendor`: the SDK vendor's own database tests against a fresh local cloud,
 * assertions untouched (docs/emulator.md, "The vendor's own tests"). The vendor's files are
 * fetched from the pinned npm tarball (vendorSuite.ts) into a scratch folder outside the repo —
 * or, with LINLI_VENDOR_GIT=<git dir of TencentCloudBase/node-sdk>, from git — and only their
 * set-up is replaced (harness/: the endpoint, Node's assert for power-assert, the SDK build).
 *
 *   --sdk=published  the SDK those tests were published with (node-sdk 2.9.0, from the same
 *                    tarball; its dependencies are installed into the scratch folder) — default
 *   --sdk=project    this project's @cloudbase/node-sdk (3.x)
 *   --sdk=both       one run each
 *   --tz=<zone>      the time zone of the tests (default Asia/Shanghai, the vendor's: two
 *                    dateToString cases build their dates in local time)
 *   --keep           keeps the scratch folder and prints where it is
 *
 * Prints passed/failed/skipped per run and each failure; exits 1 when any test failed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { removeDataDir, startCloud } from '../support/localCloud';
import { archiveFromGit, isVendorTestPath, packVendorTarball, unpackTarball, VENDOR_COMMIT, VENDOR_PACKAGE, verifyVendorTests } from './vendorSuite';

const root = join(__dirname, '..', '..');
const harness = join(__dirname, 'harness');

type SdkChoice = 'published' | 'project';

interface Options {
  sdks: SdkChoice[];
  tz: string;
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { sdks: ['published'], tz: 'Asia/Shanghai', keep: false };
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2);
    if (key === '--sdk' && (value === 'published' || value === 'project')) options.sdks = [value];
    else if (key === '--sdk' && value === 'both') options.sdks = ['published', 'project'];
    else if (key === '--tz' && value) options.tz = value;
    else if (key === '--keep' && value === undefined) options.keep = true;
    else throw new Error(`unknown argument ${arg}: use --sdk=published|project|both, --tz=<zone>, --keep`);
  }
  return options;
}

/** Where one SDK build's three entry points are, for the vendor's imports to be mapped to. */
interface SdkBuild {
  label: string;
  /** The SDK's main module (the vendor's `src/index`). */
  entry: string;
  /** Its error codes module (the vendor's `lib/const/code`). */
  codes: string;
  /** The compiled @cloudbase/database it uses (the vendor's `@cloudbase/database/src/*`). */
  databaseDir: string;
}

function versionAt(packageDir: string): string {
  return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
}

function projectSdk(): SdkBuild {
  const dir = dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [root] }));
  const database = dirname(require.resolve('@cloudbase/database/package.json', { paths: [dir] }));
  return { label: `this project's @cloudbase/node-sdk ${versionAt(dir)}`, entry: join(dir, 'dist', 'index.js'), codes: join(dir, 'dist', 'const', 'code.js'), databaseDir: join(database, 'dist', 'commonjs') };
}

/** Installs the pinned tarball itself (and so its declared dependencies) into `prefix`, scripts off. */
function publishedSdk(tarball: string, prefix: string): SdkBuild {
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  console.log(`installing ${VENDOR_PACKAGE.name}@${VENDOR_PACKAGE.version} and its dependencies into the scratch folder (npm's cache first)…`);
  execFileSync(npm, ['install', tarball, '--prefix', prefix, '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const dir = join(prefix, 'node_modules', '@cloudbase', 'node-sdk');
  const database = dirname(require.resolve('@cloudbase/database/package.json', { paths: [dir] }));
  return { label: `the published @cloudbase/node-sdk ${versionAt(dir)} (the tests' own release)`, entry: join(dir, 'lib', 'index.js'), codes: join(dir, 'lib', 'const', 'code.js'), databaseDir: join(database, 'dist', 'commonjs') };
}

/** The jest configuration of one run: the vendor's files, our set-up, the chosen SDK. */
function jestConfig(scratch: string, sdk: SdkBuild): object {
  return {
    rootDir: scratch,
    testEnvironment: require.resolve('jest-environment-node', { paths: [root] }),
    testMatch: ['<rootDir>/test/database/**/*.test.ts'],
    transform: {
      // noInterop: the vendor's `import * as assert from 'power-assert'` is then called, as ts-jest allowed.
      '^.+\\.ts$': [require.resolve('@swc/jest', { paths: [root] }), { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' }, module: { type: 'commonjs', noInterop: true } }],
    },
    // The scratch folder has no node_modules: the vendor's other imports (bson) come from this repo's.
    modulePaths: [join(root, 'node_modules')],
    moduleNameMapper: {
      '^power-assert$': join(harness, 'power-assert.js'),
      '^.*/src/index$': join(harness, 'sdk.js'),
      '^.*/lib/const/code$': sdk.codes,
      '^@cloudbase/database/src/(.*)$': `${sdk.databaseDir}/$1`,
    },
    setupFilesAfterEnv: [join(harness, 'setup.js')],
    // The vendor's suites share collection names: one file at a time, as their `--runInBand`.
    maxWorkers: 1,
  };
}

interface JestResults {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: Array<{ name: string; message: string; assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }> }>;
}

interface RunSummary {
  sdk: string;
  results: JestResults;
}

async function runJest(scratch: string, sdk: SdkBuild, serviceUrl: string, tz: string, tag: string): Promise<JestResults> {
  const config = join(scratch, `jest.${tag}.config.json`);
  const output = join(scratch, `results.${tag}.json`);
  const log = join(scratch, `jest.${tag}.log`);
  writeFileSync(config, JSON.stringify(jestConfig(scratch, sdk), null, 2));
  const jest = spawn(process.execPath, [require.resolve('jest/bin/jest', { paths: [root] }), '-c', config, '--json', '--outputFile', output], {
    cwd: scratch,
    env: { ...process.env, TZ: tz, LINLI_VENDOR_SDK: sdk.entry, LINLI_VENDOR_SERVICE_URL: serviceUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  jest.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  jest.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  await new Promise((resolve) => jest.once('close', resolve));
  writeFileSync(log, text);
  if (!existsSync(output)) throw new Error(`jest wrote no results (see ${log}):\n${text.slice(-2000)}`);
  return JSON.parse(readFileSync(output, 'utf8')) as JestResults;
}

/** The vendor's files into `scratch/test`, checked; the tarball too when it was the source. */
async function fetchVendorTests(scratch: string, needTarball: boolean): Promise<string | undefined> {
  const gitDir = process.env.LINLI_VENDOR_GIT;
  let tarball: string | undefined;
  if (gitDir && !needTarball) {
    console.log(`vendor tests: git archive ${VENDOR_COMMIT} of ${gitDir}`);
    await archiveFromGit(gitDir, scratch);
  } else {
    tarball = packVendorTarball(scratch);
    console.log(`vendor tests: ${VENDOR_PACKAGE.name}@${VENDOR_PACKAGE.version} from npm (integrity checked)`);
    await unpackTarball(tarball, scratch, isVendorTestPath);
  }
  verifyVendorTests(scratch);
  // Their set-up file, replaced by ours (the endpoint comes from the environment).
  copyFileSync(join(harness, 'config.local.js'), join(scratch, 'test', 'config.local.js'));
  return tarball;
}

function failuresOf(results: JestResults): string[] {
  return results.testResults.flatMap((file) => {
    const name = file.name.slice(file.name.indexOf('test/database'));
    const failed = file.assertionResults.filter((a) => a.status === 'failed');
    // A file that failed to load has no assertion results, only its message.
    if (failed.length === 0 && file.message) return [`${name}: ${file.message.split('\n').find((line) => line.trim()) ?? ''}`];
    return failed.map((a) => `${name} › ${a.fullName}: ${(a.failureMessages[0] ?? '').split('\n')[0]}`);
  });
}

function printSummary({ sdk, results }: RunSummary, tz: string): void {
  const run = results.numTotalTests - results.numPendingTests;
  console.log(`\n${sdk}, TZ=${tz}`);
  console.log(`  passed ${results.numPassedTests} of the ${run} the vendor runs (failed ${results.numFailedTests}; ${results.numPendingTests} skipped by the vendor; ${results.numTotalTests} cases)`);
  for (const line of failuresOf(results)) console.log(`  FAILED ${line}`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const scratch = mkdtempSync(join(tmpdir(), 'linli-vendor-'));
  let cloud: Awaited<ReturnType<typeof startCloud>> | undefined;
  const summaries: RunSummary[] = [];
  try {
    const tarball = await fetchVendorTests(scratch, options.sdks.includes('published'));
    const builds = options.sdks.map((choice) => ({ choice, build: choice === 'published' ? publishedSdk(tarball!, join(scratch, 'published')) : projectSdk() }));
    cloud = await startCloud();
    // The database endpoint answers loopback callers only: the address, not the name.
    const serviceUrl = `${cloud.url.replace('localhost', '127.0.0.1')}/tcb/admin`;
    console.log(`local cloud: ${cloud.url} (fresh data folder)`);
    for (const { choice, build } of builds) {
      console.log(`running the vendor's tests with ${build.label}…`);
      summaries.push({ sdk: build.label, results: await runJest(scratch, build, serviceUrl, options.tz, choice) });
    }
  } finally {
    if (cloud) {
      await cloud.stop();
      removeDataDir(cloud.dataDir);
    }
    if (options.keep) console.log(`scratch folder kept: ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
  for (const summary of summaries) printSummary(summary, options.tz);
  process.exitCode = summaries.some((s) => s.results.numFailedTests > 0 || s.results.numTotalTests === 0) ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
