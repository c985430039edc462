/**
 * The activities authorization matrix: each leader and resident action × resident, member,
 * co-leader, leader, leader of another group, committee of this and of another community,
 * street and county. Each cell runs on a fresh activity; a denial must answer 403/404 and
 * write nothing.
 */
import { userIdOf } from '../../cloudfunctions/_core/repositories/users';
import { snapshotDatabase } from '../support/dbSnapshot';
import { createActivity, createGroup, databaseOf, grantRole, type Db } from '../support/fixtures';
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

const ROLES = ['resident', 'member', 'coLeader', 'leader', 'otherLeader', 'committee', 'otherCommittee', 'street', 'county'] as const;
type Role = (typeof ROLES)[number];
const OPENID: Record<Role, string> = {
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
let db: Db;
const clients = {} as Record<Role, Client>;

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

/** A fresh group with the cast, one activity starting within the hour, and one confirmed resident. */
async function fixture(): Promise<{ groupId: string; activityId: string; attendee: string }> {
  const groupId = await createGroup(db, { leader: OPENID.leader, coLeaders: [OPENID.coLeader], members: [OPENID.member] });
  const activityId = await createActivity(db, groupId, OPENID.leader);
  const attendee = `am-attendee-${Math.random().toString(36).slice(2, 8)}`;
  const client = await Client.signIn(cloud.url, attendee);
  await dataOf(client.call('signups', 'signups.create', { activityId }));
  return { groupId, activityId, attendee };
}

interface Case {
  action: string;
  fn: string;
  allowed: readonly Role[];
  input: (f: { groupId: string; activityId: string; attendee: string }) => Record<string, unknown>;
}

const leadership: Role[] = ['leader', 'coLeader'];
const cases: Case[] = [
  { action: 'activities.get', fn: 'activities', allowed: ROLES, input: (f) => ({ activityId: f.activityId }) },
  { action: 'activities.cancel', fn: 'activities', allowed: leadership, input: (f) => ({ activityId: f.activityId, reason: '场地临时被占用' }) },
  { action: 'signups.roster', fn: 'signups', allowed: leadership, input: (f) => ({ activityId: f.activityId }) },
  { action: 'signups.rosterExport', fn: 'signups', allowed: leadership, input: (f) => ({ activityId: f.activityId }) },
  { action: 'signups.remove', fn: 'signups', allowed: leadership, input: (f) => ({ activityId: f.activityId, userId: userIdOf(f.attendee), reason: '重复报名' }) },
  // Checking and healing seats is a staff tool over the community (the group's own leaders cannot).
  { action: 'activities.reconcile', fn: 'activities', allowed: ['committee', 'street', 'county'], input: (f) => ({ activityId: f.activityId, fix: true }) },
  { action: 'signups.mark', fn: 'signups', allowed: leadership, input: (f) => ({ activityId: f.activityId, userId: userIdOf(f.attendee), mark: 'check_in' }) },
  { action: 'checkin.code', fn: 'signups', allowed: leadership, input: (f) => ({ activityId: f.activityId }) },
  { action: 'signups.create', fn: 'signups', allowed: ROLES, input: (f) => ({ activityId: f.activityId }) },
  // Only the attendee (or her proxy) may cancel her sign-up: everyone here is someone else.
  { action: 'signups.cancel', fn: 'signups', allowed: [], input: (f) => ({ activityId: f.activityId, forUserId: userIdOf(f.attendee) }) },
];

const ignored = ['idempotency', 'rate_limits', 'users', 'inbox'];

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
