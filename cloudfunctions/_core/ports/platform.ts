/**
 * Which implementation each port uses: `LINLI_PLATFORM=cloudbase` (the default inside CloudBase,
 * where TENCENTCLOUD_RUNENV=SCF) or `local` (set by the local cloud).
 */
export type Platform = 'cloudbase' | 'local';

/** The configured platform. */
export function platform(): Platform {
  const configured = process.env.LINLI_PLATFORM;
  if (configured === 'local' || configured === 'cloudbase') return configured;
  return process.env.TENCENTCLOUD_RUNENV === 'SCF' ? 'cloudbase' : 'local';
}
