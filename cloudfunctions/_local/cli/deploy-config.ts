/**
 * `node --import tsx cloudfunctions/_local/cli/deploy-config.ts`: regenerates what the deploy
 * declarations imply — cloudbaserc.json (for the `tcb` CLI) and the exact dependency versions
 * in each function's package.json (from package-lock.json). test/local/deploy.test.ts fails
 * when either is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../host/config';
import { cloudbaseRcText } from '../deploy/cloudbaserc';
import { pinDependencies } from '../deploy/dependencies';

const pinned = pinDependencies();
for (const line of pinned) console.log(`pinned ${line}`);
writeFileSync(join(projectRoot, 'cloudbaserc.json'), cloudbaseRcText());
console.log('cloudbaserc.json written');
