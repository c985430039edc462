/**
 * The volunteer-service authorization matrix: hours, the points store, credits and proofs ×
 * resident, the volunteer herself, member, co-leader, leader, leader of another group,
 * committee of this and of another community, street and county. Each cell gets a fresh
 * group, volunteer activity and whatever the action needs; a denial must answer 403/404 and
 * write nothing.
 *
 * The harness only: the cases live in test/functions/<fn>.matrix.test.ts, one file a function
 * (issue 17), each on a cloud of its own started by startMatrixCloud.
 */
import { mainlandCheckChar } from '../../src/shared/identity/idNumber';
import { snapshotDatabase } from './dbSnapshot';
import { createActivity, createAttendance, createGroup, databaseOf, grantRole, type Db } from './fixtures';
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud } from './localCloud';

export const ROLES = ['resident', 'owner', 'member', 'coLeader', 'leader', 'otherLeader', 'committee', 'otherCommittee', 'street', 'county'] as const;
export type Role = (typeof ROLES)[number];
export const OPENID: Record<Role, string> = {
  resident: 'vm-resident',
  owner: 'vm-owner',
  member: 'vm-member',
  coLeader: 'vm-coleader',
  leader: 'vm-leader',
  otherLeader: 'vm-other-leader',
  committee: 'demo-committee',
  otherCommittee: 'vm-other-committee',
  street: 'demo-street',
  county: 'demo-county',
};

let cloud: RunningCloud;
export let db: Db;
export let volunteerNo: string;
export const clients = {} as Record<Role, Client>;
const first17 = '11010519770707135';
const OWNER_ID = `${first17}${mainlandCheckChar(first17)}`;

/** Starts this file's own cloud with the cast signed in, and stops it after. */
export function startMatrixCloud(): void {
  beforeAll(async () => {
    cloud = await startCloud();
    db = databaseOf(cloud);
    for (const role of ROLES) clients[role] = await Client.signIn(cloud.url, OPENID[role]);
    await grantRole(db, OPENID.otherCommittee, 'committee', 'cm-nanhu');
    await createGroup(db, { leader: OPENID.otherLeader });
    await dataOf(clients.owner.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' }));
    ({ volunteerNo } = await dataOf<{ volunteerNo: string }>(
      clients.owner.call('volunteers', 'volunteers.register', { realName: '吴志愿', idType: 'mainland_id', idNumber: OWNER_ID, sensitiveConsent: true }),
    ));
  });
  afterAll(async () => {
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  });
}

interface Fixture {
  groupId: string;
  activityId: string;
  signupId: string;
}

/** A fresh group (the owner a member), a finished volunteer activity she attended. */
export async function fixture(): Promise<Fixture> {
  const groupId = await createGroup(db, { leader: OPENID.leader, coLeaders: [OPENID.coLeader], members: [OPENID.member, OPENID.owner] });
  const activityId = await createActivity(db, groupId, OPENID.leader, { startsInHours: -3, volunteer: { plannedHours: 2, creditsPerHour: 10 } });
  const signupId = await createAttendance(db, activityId, OPENID.owner, 0, 120);
  return { groupId, activityId, signupId };
}

export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export const confirmed = async (f: Fixture) => dataOf(clients.leader.call('volunteers', 'hours.confirm', { activityId: f.activityId, items: [{ signupId: f.signupId }] }));

export interface Case {
  action: string;
  fn: string;
  allowed: readonly Role[];
  input: (f: Fixture) => Promise<Record<string, unknown>>;
}

export const leadership: Role[] = ['leader', 'coLeader'];
export const staffOver: Role[] = ['committee', 'street', 'county'];

const ignored = ['idempotency', 'rate_limits', 'users', 'inbox', 'audit_log'];

/** One describe a case, one test a role: allowed roles succeed, others are refused and write nothing. */
export function runMatrix(cases: Case[]): void {
  describe.each(cases)('$action', ({ action, fn, allowed, input }) => {
    test.each(ROLES)('%s', async (role) => {
      const body = await input(await fixture());
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
