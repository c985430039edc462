/** The deploy step derives functions, triggers and indexes from the same declarations as the local cloud. */
import { collectionNames, functionDeployments, geoIndexDeployments, indexDeployments } from '../../cloudfunctions/_local/deploy/plan';
import { geoIndexDeclarations, indexDeclarations } from '../../cloudfunctions/_core/repositories/indexes';
import { dataKeyFingerprint } from '../../cloudfunctions/_local/deploy/dataKey';

test('every deployable function is deployed with its one timer trigger, Node 20, its timeout and memory, and the cloudbase platform', () => {
  const deployments = functionDeployments({});
  expect(deployments.map((d) => d.name)).toEqual(expect.arrayContaining(['account', 'regions', 'system', 'credits', 'proofs', 'volunteers']));
  const system = deployments.find((d) => d.name === 'system')!;
  expect(system.triggers).toEqual([{ name: 'sweepExpired', type: 'timer', config: '0 17 * * * * *' }]);
  expect(deployments.find((d) => d.name === 'activities')!.triggers).toEqual([{ name: 'everyMinute', type: 'timer', config: '0 * * * * * *' }]);
  expect(deployments.find((d) => d.name === 'proofs')).toMatchObject({ timeout: 20, memorySize: 512 });
  for (const d of deployments) {
    expect(d).toMatchObject({ handler: 'index.main', runtime: 'Nodejs20.19', installDependency: true, envVariables: { LINLI_PLATFORM: 'cloudbase' } });
    expect(d.triggers.length).toBeLessThanOrEqual(1);
  }
});

test('the data key travels with its fingerprint, never alone; other secrets only when set', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  const [first] = functionDeployments({ LINLI_DATA_KEY: key, LINLI_TEMPLATE_REMINDER: 'tpl-1' });
  expect(first!.envVariables).toEqual({
    LINLI_PLATFORM: 'cloudbase',
    LINLI_DATA_KEY: key,
    LINLI_DATA_KEY_FINGERPRINT: dataKeyFingerprint(key),
    LINLI_TEMPLATE_REMINDER: 'tpl-1',
  });
  expect(dataKeyFingerprint(key)).toMatch(/^[0-9a-f]{64}$/);
  expect(dataKeyFingerprint(key)).not.toContain(Buffer.from(key, 'base64').toString('hex'));
  expect(functionDeployments({})[0]!.envVariables).toEqual({ LINLI_PLATFORM: 'cloudbase' });
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

test('geo declarations become 2dsphere index payloads (CloudBase answers geoNear only over one)', () => {
  expect(geoIndexDeployments(geoIndexDeclarations)).toContainEqual({
    collection: 'activities',
    IndexName: 'geo',
    MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: [{ Name: 'geo', Direction: '2dsphere' }] },
  });
});
