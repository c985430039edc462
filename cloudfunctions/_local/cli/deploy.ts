/** `npm run deploy:functions`: deploys the built bundles (with their timer triggers) to CloudBase. */
import { join } from 'node:path';
import { projectRoot } from '../host/config';
import { functionDeployments } from '../deploy/plan';
import { managerFromEnvironment } from './cloudbaseManager';

async function main(): Promise<void> {
  const manager = managerFromEnvironment();
  for (const func of functionDeployments()) {
    console.log(`deploying ${func.name} …`);
    await manager.functions.createFunction({
      func: { ...func, ignore: ['src/**', 'node_modules/**', '*.map'] },
      functionRootPath: join(projectRoot, 'cloudfunctions'),
      force: true,
    });
  }
  console.log('functions deployed; run `npm run deploy:indexes` once per environment for collections and indexes');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
