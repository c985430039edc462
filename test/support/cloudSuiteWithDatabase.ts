/**
 * One started local cloud per test file, with the admin database beside it, for the HTTP tests
 * that seed and inspect collections directly. Shared so that files split by function (issue 17)
 * do not each repeat the start/stop block; the cloud is still each file's own.
 */
import { databaseOf, type Db } from './fixtures';
import { cloudSuite, type CloudSuite, type startCloud } from './localCloud';

export interface CloudWithDatabase extends CloudSuite {
  db: Db;
}

/** Starts the cloud before the file's tests and stops it after (cloudSuite), then opens its database. */
export function cloudSuiteWithDatabase(options: Parameters<typeof startCloud>[0] = {}): CloudWithDatabase {
  // Filled by the hooks, as cloudSuite fills its own: registered here, before any test runs.
  const suite = cloudSuite(options) as CloudWithDatabase;
  beforeAll(() => {
    suite.db = databaseOf(suite.cloud);
  });
  return suite;
}
