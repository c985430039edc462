/** `npm start`: builds what is missing, then runs the local cloud until SIGINT/SIGTERM. */
import { ensureBuilt } from './ensureBuilt';
import { startLocalCloud } from '../host/localCloud';

async function main(): Promise<void> {
  const started = Date.now();
  // Tests start many clouds at once and build the app beforehand, so they switch this off.
  await ensureBuilt({ h5: process.env.LINLI_BUILD_H5 !== '0' });
  const cloud = await startLocalCloud();
  console.log(`Linli 本地云已启动 / local cloud ready in ${Date.now() - started} ms`);
  console.log(`  打开 / open:  ${cloud.url}/`);
  console.log(`  数据 / data:  ${cloud.config.dataDir}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    cloud.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
