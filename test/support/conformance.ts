/**
 * Shared set-up of the conformance suites: one SDK target per file (a real CloudBase
 * environment when TCB_ENV and keys are set, else a fresh local cloud; see sdkTarget.ts),
 * collections named per run so a real environment's data is never touched.
 */
import { openSdkTarget, type SdkTarget } from './sdkTarget';

export type Db = ReturnType<SdkTarget['app']['database']>;
export type Tx = Awaited<ReturnType<Db['startTransaction']>>;

/** True when the suite will run against a real CloudBase environment. */
export const onCloudBase = Boolean(process.env.TCB_ENV && process.env.TENCENTCLOUD_SECRETID && process.env.TENCENTCLOUD_SECRETKEY);

export interface Conformance {
  readonly db: Db;
  readonly target: SdkTarget;
  /** The run's name of a collection. */
  name(base: string): string;
  /** Creates the run's collection and returns it. */
  freshCollection(base: string): Promise<ReturnType<Db['collection']>>;
}

/** Registers beforeAll/afterAll that open and close the target; use inside a test file's top level. */
export function useConformanceTarget(): Conformance {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let target: SdkTarget | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    target = await openSdkTarget();
    db = target.app.database();
  });
  afterAll(async () => {
    await target?.close();
  });
  const name = (base: string) => `conf_${base}_${suffix}`;
  return {
    get db() {
      if (!db) throw new Error('the conformance target is not open yet');
      return db;
    },
    get target() {
      if (!target) throw new Error('the conformance target is not open yet');
      return target;
    },
    name,
    async freshCollection(base) {
      await this.db.createCollection(name(base));
      return this.db.collection(name(base));
    },
  };
}

/** The error code a call rejects with; fails when it does not reject. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
  throw new Error('expected the call to reject');
}
