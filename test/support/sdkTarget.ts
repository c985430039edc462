/**
 * Where the conformance suite points the real node-sdk: a real CloudBase environment when
 * TCB_ENV and keys are set, otherwise the emulator of a freshly started local cloud.
 */
import tcb from '@cloudbase/node-sdk';
import { startCloud, removeDataDir, type RunningCloud } from './localCloud';

export type SdkApp = ReturnType<typeof tcb.init>;

export interface SdkTarget {
  kind: 'cloudbase' | 'emulator';
  app: SdkApp;
  close(): Promise<void>;
}

export async function openSdkTarget(): Promise<SdkTarget> {
  process.env.TENCENTCLOUD = 'true';
  process.env.SILENCE = 'true';
  const { TCB_ENV, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY } = process.env;
  if (TCB_ENV && TENCENTCLOUD_SECRETID && TENCENTCLOUD_SECRETKEY) {
    const app = tcb.init({ env: TCB_ENV, secretId: TENCENTCLOUD_SECRETID, secretKey: TENCENTCLOUD_SECRETKEY });
    return { kind: 'cloudbase', app, close: async () => undefined };
  }
  console.info('conformance: TCB_ENV and keys are not set, so the run against a real CloudBase environment is skipped; running against the local emulator.');
  const cloud: RunningCloud = await startCloud();
  const app = tcb.init({ env: 'local', secretId: 'local', secretKey: 'local', serviceUrl: `${cloud.url.replace('localhost', '127.0.0.1')}/tcb/admin` });
  return {
    kind: 'emulator',
    app,
    close: async () => {
      await cloud.stop();
      removeDataDir(cloud.dataDir);
    },
  };
}
