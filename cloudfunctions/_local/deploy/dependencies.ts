/**
 * CloudBase installs each function's package.json dependencies in the cloud
 * (`installDependency`); a range like `^3.18.3` would install whatever is newest that day, not
 * what the tests ran. Each function's package.json therefore names the exact version
 * package-lock.json resolved; `node --import tsx cloudfunctions/_local/cli/deploy-config.ts`
 * writes them, a test and the deploy check them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../host/config';
import { deployableFunctions } from '../host/functionHost';

interface PackageJson {
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

function lockedVersion(dependency: string): string {
  const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as { packages?: Record<string, { version?: string }> };
  const version = lock.packages?.[`node_modules/${dependency}`]?.version;
  if (!version) throw new Error(`${dependency} is not in package-lock.json: add it to the root package.json so tests run what deploys`);
  return version;
}

function packageFile(fn: string): string {
  return join(projectRoot, 'cloudfunctions', fn, 'package.json');
}

/** Dependencies whose version differs from the lock, as `fn: dep range → locked`. */
export function unpinnedDependencies(): string[] {
  const drift: string[] = [];
  for (const fn of deployableFunctions()) {
    const pkg = JSON.parse(readFileSync(packageFile(fn), 'utf8')) as PackageJson;
    for (const [dep, range] of Object.entries(pkg.dependencies ?? {})) {
      const locked = lockedVersion(dep);
      if (range !== locked) drift.push(`${fn}: ${dep} ${range} → ${locked}`);
    }
  }
  return drift;
}

/** Writes the locked versions into every function's package.json; returns what changed. */
export function pinDependencies(): string[] {
  const changed = unpinnedDependencies();
  for (const fn of deployableFunctions()) {
    const file = packageFile(fn);
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
    if (!pkg.dependencies) continue;
    for (const dep of Object.keys(pkg.dependencies)) pkg.dependencies[dep] = lockedVersion(dep);
    writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  return changed;
}
