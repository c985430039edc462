/**
 * Lets a test call `_core` modules in-process, their SDK pointed at a started local cloud's
 * emulator through the same configuration the function host uses.
 */
import { removeDataDir, startCloud, type RunningCloud } from './localCloud';

export async function startCloudForCore(): Promise<RunningCloud & { close(): Promise<void> }> {
  const cloud = await startCloud();
  process.env.TENCENTCLOUD = 'true';
  process.env.SILENCE = 'true';
  process.env.TCB_ENV = 'local';
  process.env.TCB_SERVICE_URL = `${cloud.url}/tcb/admin`;
  process.env.LINLI_PLATFORM = 'local';
  process.env.LINLI_PUBLIC_URL = cloud.url;
  return {
    ...cloud,
    async close() {
      await cloud.stop();
      removeDataDir(cloud.dataDir);
    },
  };
}
