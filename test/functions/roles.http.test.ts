/** Role grants: staff grant at or below their node only; the CLI creates the first administrator; all audited. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { snapshotDatabase } from '../support/dbSnapshot';
import { Client, dataOf, freshDataDir, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

let cloud: RunningCloud;
beforeAll(async () => {
  cloud = await startCloud();
});
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

async function userIdOfClient(client: Client): Promise<string> {
  return (await dataOf<{ account: { id: string } }>(client.call('account', 'account.me', {}, null))).account.id;
}

test('the county grants a street role, the street a committee role below it, and nobody grants upwards or sideways', async () => {
  const county = await Client.signIn(cloud.url, 'demo-county');
  const street = await Client.signIn(cloud.url, 'demo-street');
  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const newcomer = await Client.signIn(cloud.url, 'role-newcomer');
  const newcomerId = await userIdOfClient(newcomer);
  await dataOf(county.call('roles', 'roles.grant', { userId: newcomerId, role: 'street', regionId: 'st-taoyuan' }));
  const granted = await dataOf<{ grantId: string }>(street.call('roles', 'roles.grant', { userId: newcomerId, role: 'committee', regionId: 'cm-nanhu' }));
  // A committee member may add a colleague at her own node.
  const colleague = await Client.signIn(cloud.url, 'role-colleague');
  await dataOf(committee.call('roles', 'roles.grant', { userId: await userIdOfClient(colleague), role: 'committee', regionId: 'cm-beiyuan' }));
  const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users']);
  for (const [client, input] of [
    [committee, { userId: newcomerId, role: 'committee', regionId: 'cm-nanhu' }],
    [committee, { userId: newcomerId, role: 'street', regionId: 'st-chengguan' }],
    [street, { userId: newcomerId, role: 'committee', regionId: 'cm-taoyuan' }],
    [street, { userId: newcomerId, role: 'county', regionId: 'cty-linxi' }],
    [newcomer, { userId: newcomerId, role: 'county', regionId: 'cty-linxi' }],
    [county, { userId: newcomerId, role: 'committee', regionId: 'st-chengguan' }],
  ] as const) {
    const { status } = await client.call('roles', 'roles.grant', input);
    expect([403, 404]).toContain(status);
  }
  expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users'])).toBe(before);
  const me = await dataOf<{ account: { roles: Array<{ role: string; regionId: string }> } }>(newcomer.call('account', 'account.me', {}, null));
  expect(me.account.roles.map((r) => `${r.role}@${r.regionId}`).sort()).toEqual(['committee@cm-nanhu', 'street@st-taoyuan']);
  const list = await dataOf<{ items: Array<{ grantId: string; nickname: string }> }>(street.call('roles', 'roles.list', { regionId: 'st-chengguan' }, null));
  expect(list.items.map((i) => i.grantId)).toContain(granted.grantId);
  expect((await committee.call('roles', 'roles.revoke', { grantId: granted.grantId, reason: '调岗' })).status).toBe(404);
  await dataOf(street.call('roles', 'roles.revoke', { grantId: granted.grantId, reason: '调岗' }));
  const after = await dataOf<{ account: { roles: unknown[] } }>(newcomer.call('account', 'account.me', {}, null));
  expect(after.account.roles).toHaveLength(1);
  expect(snapshotDatabase(cloud.dataDir)).toMatch(/c_audit_log:(.*a-.*){2}/);
});

test('npm run admin creates the first county administrator in a data folder', () => {
  const dataDir = freshDataDir();
  try {
    const root = join(__dirname, '..', '..');
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'cloudfunctions/_local/cli/admin.ts'), 'grant', 'first-admin', 'county', 'cty-linxi'], {
      cwd: root,
      env: { ...process.env, LINLI_DATA_DIR: dataDir, LINLI_QUIET: '1' },
      encoding: 'utf8',
    });
    expect(out).toContain('granted: county of 临溪县 (cty-linxi) to first-admin');
    const wrong = () =>
      execFileSync(process.execPath, ['--import', 'tsx', join(root, 'cloudfunctions/_local/cli/admin.ts'), 'grant', 'first-admin', 'county', 'cm-beiyuan'], {
        cwd: root,
        env: { ...process.env, LINLI_DATA_DIR: dataDir, LINLI_QUIET: '1' },
        encoding: 'utf8',
        stdio: 'pipe',
      });
    expect(wrong).toThrow();
    expect(snapshotDatabase(dataDir)).toMatch(/c_role_grants:[^\n]*grant-/);
  } finally {
    removeDataDir(dataDir);
  }
});
