/** `npm start`: builds what is missing, then runs the local cloud until SIGINT/SIGTERM. */
import { ensureBuilt } from './ensureBuilt';
import { startLocalCloud, type StartHooks } from '../host/localCloud';
import { seedSteps, type SeedStep } from '../seed/seed';

/**
 * LINLI_START_PAUSE_AT=<seed step>: a test hook that holds start-up before that step of the demo
 * seed until the process gets SIGUSR2, so a test can call the cloud while it is half seeded
 * without racing it. It prints the URL with the word "paused" (never the "open:" line) once held.
 */
function pauseHook(): StartHooks {
  const wanted = process.env.LINLI_START_PAUSE_AT;
  if (!wanted) return {};
  if (!(seedSteps as readonly string[]).includes(wanted)) throw new Error(`LINLI_START_PAUSE_AT: one of ${seedSteps.join(', ')}`);
  let url = '';
  return {
    onListening: (listening) => (url = listening),
    beforeSeedStep: async (step: SeedStep) => {
      if (step !== wanted) return;
      // The listener is in place before the line that tells the test it may send the signal.
      const resumed = new Promise<void>((resume) => process.once('SIGUSR2', () => resume()));
      console.log(`start-up paused before seed step ${step} at ${url} (SIGUSR2 resumes)`);
      await resumed;
    },
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  // Tests start many clouds at once and build the app beforehand, so they switch this off.
  await ensureBuilt({ h5: process.env.LINLI_BUILD_H5 !== '0' });
  // The URL is printed only once the cloud is ready: before that it would answer 503 (see /api/health).
  const cloud = await startLocalCloud({}, pauseHook());
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
