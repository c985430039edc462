/**
 * Every index of the product, gathered from the collections' own declarations
 * (`<collection>.indexes.ts`, beside each repository; what a declaration says is in
 * indexDeclaration.ts). The emulator builds them as SQLite expression indexes when it creates
 * a table; `npm run deploy:indexes` creates them on CloudBase. A new collection with indexes
 * adds its file and one line below; test/local/indexDeclarations.test.ts fails when a file is
 * left out or declares another collection's index.
 */
import * as activities from './activities.indexes';
import * as auditLog from './auditLog.indexes';
import * as carePairs from './carePairs.indexes';
import * as careRecipients from './careRecipients.indexes';
import * as careVisits from './careVisits.indexes';
import * as groups from './groups.indexes';
import * as hourCorrections from './hourCorrections.indexes';
import * as hourRecords from './hourRecords.indexes';
import * as hubLinks from './hubLinks.indexes';
import * as idempotency from './idempotency.indexes';
import * as inbox from './inbox.indexes';
import * as jobParts from './jobParts.indexes';
import * as jobs from './jobs.indexes';
import * as ledgerAccounts from './ledgerAccounts.indexes';
import * as ledgerEntries from './ledgerEntries.indexes';
import * as mediaChecks from './mediaChecks.indexes';
import * as memberships from './memberships.indexes';
import * as moderationCases from './moderationCases.indexes';
import * as noticeReads from './noticeReads.indexes';
import * as noticeSends from './noticeSends.indexes';
import * as noticeSubscriptions from './noticeSubscriptions.indexes';
import * as notices from './notices.indexes';
import * as needOffers from './needOffers.indexes';
import * as needs from './needs.indexes';
import * as notifyFailures from './notifyFailures.indexes';
import * as posts from './posts.indexes';
import * as proofs from './proofs.indexes';
import * as proxies from './proxies.indexes';
import * as proxyActions from './proxyActions.indexes';
import * as rateLimits from './rateLimits.indexes';
import * as redemptions from './redemptions.indexes';
import * as regions from './regions.indexes';
import * as reports from './reports.indexes';
import * as roleGrants from './roleGrants.indexes';
import * as rollCallAnswers from './rollCallAnswers.indexes';
import * as rollCalls from './rollCalls.indexes';
import * as seats from './seats.indexes';
import * as signups from './signups.indexes';
import * as storeItems from './storeItems.indexes';
import * as users from './users.indexes';
import * as volunteers from './volunteers.indexes';
import type { GeoIndexDeclaration, IndexDeclaration } from './indexDeclaration';

export type { GeoIndexDeclaration, IndexDeclaration, IndexField, IndexFieldType } from './indexDeclaration';

/** Each collection's declarations, by the name of its file. */
export const indexesByFile = {
  activities,
  auditLog,
  carePairs,
  careRecipients,
  careVisits,
  groups,
  hourCorrections,
  hourRecords,
  hubLinks,
  idempotency,
  inbox,
  jobParts,
  jobs,
  ledgerAccounts,
  ledgerEntries,
  mediaChecks,
  memberships,
  moderationCases,
  noticeReads,
  noticeSends,
  noticeSubscriptions,
  notices,
  needOffers,
  needs,
  notifyFailures,
  posts,
  proofs,
  proxies,
  proxyActions,
  rateLimits,
  redemptions,
  regions,
  reports,
  roleGrants,
  rollCallAnswers,
  rollCalls,
  seats,
  signups,
  storeItems,
  users,
  volunteers,
};

/** All indexes of the product. */
export const indexDeclarations: IndexDeclaration[] = Object.values(indexesByFile).flatMap((file) => file.indexes);

/** All geo (2dsphere) indexes of the product; see GeoIndexDeclaration for why they are apart. */
export const geoIndexDeclarations: GeoIndexDeclaration[] = Object.values(indexesByFile).flatMap((file) =>
  'geoIndexes' in file ? file.geoIndexes : [],
);

/** Declarations of one collection, for the emulator when it creates the table. */
export function indexesOf(collection: string): IndexDeclaration[] {
  return indexDeclarations.filter((decl) => decl.collection === collection);
}
