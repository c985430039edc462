/** The deploy step derives functions, triggers and indexes from the same declarations as the local cloud. */
import { collectionNames, functionDeployments, indexDeployments } from '../../cloudfunctions/_local/deploy/plan';
import { indexDeclarations } from '../../cloudfunctions/_core/repositories/indexes';

test('every deployable function is deployed with its timer triggers and the cloudbase platform', () => {
  const deployments = functionDeployments();
  expect(deployments.map((d) => d.name)).toEqual(expect.arrayContaining(['account', 'regions', 'system']));
  const system = deployments.find((d) => d.name === 'system')!;
  expect(system.triggers).toEqual([{ name: 'sweepExpired', type: 'timer', config: '0 17 * * * * *' }]);
  for (const d of deployments) expect(d).toMatchObject({ handler: 'index.main', envVariables: { LINLI_PLATFORM: 'cloudbase' } });
});

test('indexes become CloudBase index payloads, one per declaration, and their collections exist', () => {
  const payloads = indexDeployments(indexDeclarations);
  expect(payloads).toHaveLength(indexDeclarations.length);
  expect(payloads.find((p) => p.collection === 'users' && p.IndexName === 'openid')).toEqual({
    collection: 'users',
    IndexName: 'openid',
    MgoKeySchema: { MgoIsUnique: true, MgoIndexKeys: [{ Name: 'openid', Direction: '1' }] },
  });
  expect(payloads.find((p) => p.IndexName === 'user_created')!.MgoKeySchema.MgoIndexKeys).toEqual([
    { Name: 'userId', Direction: '1' },
    { Name: 'createdAt', Direction: '-1' },
  ]);
  for (const p of payloads) expect(collectionNames()).toContain(p.collection);
});
