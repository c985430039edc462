/**
 * The activities authorization matrix: each leader and resident action × resident, member,
 * co-leader, leader, leader of another group, committee of this and of another community,
 * street and county. Each cell runs on a fresh activity; a denial must answer 403/404 and
 * write nothing.
 *
 * The harness only: the cases live in test/functions/<fn>.matrix.test.ts, one file a function
 * (issue 17), each on a cloud of its own started by startMatrixCloud.
 */
import { snapshotDatabase } from './dbSnapshot';
import { createActivity, createGroup, databaseOf, grantRole, type Db } from './fixtures';
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud } from './localCloud';

export const ROLES = ['resident', 'member', 'coLeader', 'leader', 'otherLeader', 'committee', 'otherCommittee', 'street', 'county'] as const;
export type Role = (typeof ROLES)[number];
export const OPENID: Record<Role, string> = {
  resident: 'am-resident',
  member: 'am-member',
  coLeader: 'am-coleader',
  leader: 'am-leader',
  otherLeader: 'am-other-leader',
  committee: 'demo-committee',
  otherCommittee: 'am-other-committee',
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

/** A fresh group with the cast, one activity starting within the hour, and one confirmed resident. */
export async function fixture(): Promise<{ groupId: string; activityId: string; attendee: string }> {
  const groupId = await createGroup(db, { leader: OPENID.leader, coLeaders: [OPENID.coLeader], members: [OPENID.member] });
  const activityId = await createActivity(db, groupId, OPENID.leader);
  const attendee = `am-attendee-${Math.random().toString(36).slice(2, 8)}`;
  const client = await Client.signIn(cloud.url, attendee);
  await dataOf(client.call('signups', 'signups.create', { activityId }));
  return { groupId, activityId, attendee };
}

export interface Case {
  action: string;
  fn: string;
  allowed: readonly Role[];
  input: (f: { groupId: string; activityId: string; attendee: string }) => Record<string, unknown>;
}

export const leadership: Role[] = ['leader', 'coLeader'];

const ignored = ['idempotency', 'rate_limits', 'users', 'inbox'];

/** One describe a case, one test a role: allowed roles succeed, others are refused and write nothing. */
export function runMatrix(cases: Case[]): void {
  describe.each(cases)('$action', ({ action, fn, allowed, input }) => {
    test.each(ROLES)('%s', async (role) => {
      const body = input(await fixture());
      const before = snapshotDatabase(cloud.dataDir, ignored);
      const { status, body: reply } = await clients[role].call(fn, action, body);
      if (allowed.includes(role)) {
        expect({ role, status, code: reply.ok ? 'OK' : reply.error.code }).toEqual({ role, status: 200, code: 'OK' });
      } else {
        expect({ role, denied: status === 403 || status === 404 }).toEqual({ role, denied: true });
        expect(snapshotDatabase(cloud.dataDir, ignored)).toBe(before);
      }
    });
  });
}
