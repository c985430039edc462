/** `npm run seed`: applies the demo seed to the data folder (starts the local cloud briefly). */
import { ensureBuilt } from './ensureBuilt';
import { startLocalCloud } from '../host/localCloud';

async function main(): Promise<void> {
  await ensureBuilt({ h5: false });
  // Starting the local cloud applies the seed; port 0 avoids clashing with a running one.
  const cloud = await startLocalCloud({ port: 0, timers: false, quiet: true, functionInstances: 0 });
  console.log(`seed applied to ${cloud.config.dataDir}`);
  await cloud.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
