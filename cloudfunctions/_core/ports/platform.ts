/**
 * Where the functions run: `LINLI_PLATFORM=cloudbase` (the default inside CloudBase, where
 * TENCENTCLOUD_RUNENV=SCF) or `local` (set by the local cloud). It chooses no implementation:
 * every port has one code path (DESIGN §6), and the WeChat ports reach WeChat or the emulated
 * WeChat by configuration (`TCB_SERVICE_URL`). Only tunings read it (storage URL lifetimes).
 */
export type Platform = 'cloudbase' | 'local';

/** The configured platform. */
export function platform(): Platform {
  const configured = process.env.LINLI_PLATFORM;
  if (configured === 'local' || configured === 'cloudbase') return configured;
  return process.env.TENCENTCLOUD_RUNENV === 'SCF' ? 'cloudbase' : 'local';
}
