/** `npm run deploy:indexes`: creates every collection and the declared indexes on CloudBase. */
import { geoIndexDeclarations, indexDeclarations } from '../../_core/repositories/indexes';
import { collectionNames, geoIndexDeployments, indexDeployments } from '../deploy/plan';
import { managerFromEnvironment } from './cloudbaseManager';

async function main(): Promise<void> {
  const manager = managerFromEnvironment();
  for (const name of collectionNames()) await manager.database.createCollectionIfNotExists(name);
  const byCollection = new Map<string, ReturnType<typeof indexDeployments>>();
  for (const index of [...indexDeployments(indexDeclarations), ...geoIndexDeployments(geoIndexDeclarations)]) byCollection.set(index.collection, [...(byCollection.get(index.collection) ?? []), index]);
  for (const [collection, indexes] of byCollection) {
    const existing = (await manager.database.describeCollection(collection)) as { Indexes?: Array<{ Name: string }> };
    const present = new Set((existing.Indexes ?? []).map((i) => i.Name));
    const missing = indexes.filter((i) => !present.has(i.IndexName)).map(({ IndexName, MgoKeySchema }) => ({ IndexName, MgoKeySchema }));
    if (missing.length > 0) await manager.database.updateCollection(collection, { CreateIndexes: missing });
    console.log(`${collection}: ${missing.length} index(es) created, ${indexes.length - missing.length} present`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
