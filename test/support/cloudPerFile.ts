/**
 * One started local cloud per test file, with the admin database beside it, for the HTTP tests
 * that seed and inspect collections directly. Shared so that files split by function (issue 17)
 * do not each repeat the start/stop block; the cloud is still each file's own.
 */
import { databaseOf, type Db } from './fixtures';
import { cloudSuite, type RunningCloud, type startCloud } from './localCloud';

export interface CloudWithDatabase {
  cloud: RunningCloud;
  db: Db;
}

/**
 * Starts the cloud before the file's tests and stops it after (cloudSuite), and hands the file
 * the running cloud and its database once started, so its tests keep reading `cloud` and `db`.
 */
export function cloudPerFile(onStarted: (started: CloudWithDatabase) => void, options: Parameters<typeof startCloud>[0] = {}): void {
  const suite = cloudSuite(options);
  beforeAll(() => {
    onStarted({ cloud: suite.cloud, db: databaseOf(suite.cloud) });
  });
}
