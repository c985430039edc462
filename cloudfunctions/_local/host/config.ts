/** Configuration of the local cloud, from the environment (documented in the README). */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

export interface LocalCloudConfig {
  port: number;
  host: string;
  dataDir: string;
  devSessions: boolean;
  /** Suppress per-call log lines (tests, benches). */
  quiet: boolean;
  /** SQLite synchronous mode; FULL survives power loss, NORMAL only process crashes. */
  synchronous: 'FULL' | 'NORMAL';
  /** Run timer triggers on their cron schedule. */
  timers: boolean;
  /** Folder of the H5 build served at `/`. */
  h5Dir: string;
  /**
   * `cloudbase` (default): CloudBase's model — one call at a time per instance, instances per
   * function started as load needs them, timeouts, memory and payload limits (functionPools.ts).
   * `shared`: the looser mode — many calls at once in instances that run every function.
   */
  instanceMode: 'cloudbase' | 'shared';
  /** Under CloudBase's model: the most instances one function runs at once (calls beyond queue). */
  instancesPerFunction: number;
  /** Shared mode: function instances on worker threads beside the host thread's own, for client calls. */
  functionInstances: number;
  /** Tests only: lets /api/dev/holds hold calls inside their instance until released. */
  testHolds: boolean;
}

/**
 * Instances per function by default: 4 per core, at most 16. On two cores 8 instances keep both
 * busy while a call waits on the database (each call spends most of its time waiting), without
 * the thread starts and heaps of many more; measured in docs/limits.md.
 */
function defaultInstancesPerFunction(): number {
  return Math.min(16, 4 * availableParallelism());
}

export const projectRoot = resolve(__dirname, '..', '..', '..');

/** Reads the configuration, with overrides for tests. */
export function readConfig(overrides: Partial<LocalCloudConfig> = {}): LocalCloudConfig {
  const env = process.env;
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.LINLI_DATA_DIR ?? '.linli-data'),
    devSessions: env.LINLI_DEV_SESSIONS !== '0',
    quiet: env.LINLI_QUIET === '1',
    synchronous: env.LINLI_DB_SYNC === 'NORMAL' ? 'NORMAL' : 'FULL',
    timers: env.LINLI_TIMERS !== '0',
    h5Dir: resolve(projectRoot, 'dist', 'h5'),
    // One more instance where there is a core to spare: the host thread alone keeps one core busy
    // with the SDK's work while the other has only the database's.
    instanceMode: env.LINLI_INSTANCE_MODE === 'shared' ? 'shared' : 'cloudbase',
    instancesPerFunction: Math.max(1, Math.min(64, Number(env.LINLI_INSTANCES_PER_FUNCTION ?? defaultInstancesPerFunction()) || 1)),
    testHolds: env.LINLI_TEST_HOLDS === '1',
    functionInstances: Math.max(0, Math.min(8, Number(env.LINLI_FUNCTION_INSTANCES ?? (availableParallelism() > 1 ? 1 : 0)) || 0)),
    ...overrides,
  };
}
