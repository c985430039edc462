/**
 * The registry's authorization matrix: every management action × resident, member, co-leader,
 * leader, leader of another group, committee of this and of another community, street and
 * county. Each cell runs on a fresh group; a denial must answer 403/404 and write nothing.
 *
 * The harness only: the cases live in test/functions/<fn>.matrix.test.ts, one file a function
 * (issue 17), each on a cloud of its own started by startMatrixCloud.
 */
import { snapshotDatabase } from './dbSnapshot';
import { createGroup, databaseOf, grantRole, type Db } from './fixtures';
import { Client, removeDataDir, startCloud, type RunningCloud } from './localCloud';

export const ROLES = ['resident', 'member', 'coLeader', 'leader', 'otherLeader', 'committee', 'otherCommittee', 'street', 'county'] as const;
export type Role = (typeof ROLES)[number];

export const OPENID: Record<Role, string> = {
  resident: 'mx-resident',
  member: 'mx-member',
  coLeader: 'mx-coleader',
  leader: 'mx-leader',
  otherLeader: 'mx-other-leader',
  committee: 'demo-committee',
  otherCommittee: 'mx-other-committee',
  street: 'demo-street',
  county: 'demo-county',
};

let cloud: RunningCloud;
export let db: Db;
export const clients = {} as Record<Role, Client>;

/** Starts this file's own cloud with the cast signed in, and stops it after. */
export function startMatrixCloud(): void {
  beforeAll(async () => {
    cloud = await startCloud();
    db = databaseOf(cloud);
    for (const role of ROLES) clients[role] = await Client.signIn(cloud.url, OPENID[role]);
    await grantRole(db, OPENID.otherCommittee, 'committee', 'cm-nanhu');
    await createGroup(db, { leader: OPENID.otherLeader });
  });
  afterAll(async () => {
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  });
}

interface Fixture {
  groupId: string;
  requester: string;
}

/** A fresh community-managed group in 北苑社区 with the cast in place. */
export async function fixture(spec: Parameters<typeof createGroup>[1] = {}): Promise<Fixture> {
  const requester = `mx-requester-${Math.random().toString(36).slice(2, 8)}`;
  await Client.signIn(cloud.url, requester);
  const groupId = await createGroup(db, {
    leader: OPENID.leader,
    coLeaders: [OPENID.coLeader],
    members: [OPENID.member],
    pending: [requester],
    ...spec,
  });
  return { groupId, requester };
}

export const uid = (openid: string) => {
  // Same derivation as the server: the user id is a hash of the openid.
  return require('../../cloudfunctions/_core/repositories/users').userIdOf(openid) as string;
};

export interface Case {
  action: string;
  fn: string;
  allowed: Role[];
  input: () => Promise<Record<string, unknown>>;
}

export const leadership: Role[] = ['leader', 'coLeader'];
export const staffOver: Role[] = ['committee', 'street', 'county'];


const ignored = ['idempotency', 'rate_limits', 'users'];

/** One describe a case, one test a role: allowed roles succeed, others are refused and write nothing. */
export function runMatrix(cases: Case[]): void {
  describe.each(cases)('$action', ({ action, fn, allowed, input }) => {
    test.each(ROLES)('%s', async (role) => {
      const name = action.split(' ')[0]!;
      const body = await input();
      const before = snapshotDatabase(cloud.dataDir, ignored);
      const { status, body: reply } = await clients[role].call(fn, name, body);
      if (allowed.includes(role)) {
        expect({ role, status, code: reply.ok ? 'OK' : reply.error.code }).toEqual({ role, status: 200, code: 'OK' });
      } else {
        expect({ role, denied: status === 403 || status === 404 }).toEqual({ role, denied: true });
        expect(snapshotDatabase(cloud.dataDir, ignored)).toBe(before);
      }
    });
  });
}
