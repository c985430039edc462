/**
 * The volunteer-service authorization matrix: hours, the points store, credits and proofs ×
 * resident, the volunteer herself, member, co-leader, leader, leader of another group,
 * committee of this and of another community, street and county. Each cell gets a fresh
 * group, volunteer activity and whatever the action needs; a denial must answer 403/404 and
 * write nothing.
 */
import { mainlandCheckChar } from '../../src/shared/identity/idNumber';
import { snapshotDatabase } from '../support/dbSnapshot';
import { createActivity, createAttendance, createGroup, databaseOf, grantRole, type Db } from '../support/fixtures';
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

const ROLES = ['resident', 'owner', 'member', 'coLeader', 'leader', 'otherLeader', 'committee', 'otherCommittee', 'street', 'county'] as const;
type Role = (typeof ROLES)[number];
const OPENID: Record<Role, string> = {
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
let db: Db;
let volunteerNo: string;
const clients = {} as Record<Role, Client>;
const first17 = '11010519770707135';
const OWNER_ID = `${first17}${mainlandCheckChar(first17)}`;

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

interface Fixture {
  groupId: string;
  activityId: string;
  signupId: string;
}

/** A fresh group (the owner a member), a finished volunteer activity she attended. */
async function fixture(): Promise<Fixture> {
  const groupId = await createGroup(db, { leader: OPENID.leader, coLeaders: [OPENID.coLeader], members: [OPENID.member, OPENID.owner] });
  const activityId = await createActivity(db, groupId, OPENID.leader, { startsInHours: -3, volunteer: { plannedHours: 2, creditsPerHour: 10 } });
  const signupId = await createAttendance(db, activityId, OPENID.owner, 0, 120);
  return { groupId, activityId, signupId };
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const confirmed = async (f: Fixture) => dataOf(clients.leader.call('volunteers', 'hours.confirm', { activityId: f.activityId, items: [{ signupId: f.signupId }] }));

interface Case {
  action: string;
  fn: string;
  allowed: readonly Role[];
  input: (f: Fixture) => Promise<Record<string, unknown>>;
}

const leadership: Role[] = ['leader', 'coLeader'];
const staffOver: Role[] = ['committee', 'street', 'county'];
const cases: Case[] = [
  { action: 'hours.activity', fn: 'volunteers', allowed: [...leadership, ...staffOver], input: async (f) => ({ activityId: f.activityId }) },
  { action: 'hours.confirm', fn: 'volunteers', allowed: leadership, input: async (f) => ({ activityId: f.activityId, items: [{ signupId: f.signupId }] }) },
  {
    action: 'hours.review',
    fn: 'volunteers',
    allowed: [...leadership, ...staffOver],
    input: async (f) => {
      const record = await dataOf<{ id: string }>(
        clients.owner.call('volunteers', 'hours.selfReport', { groupId: f.groupId, serviceDate: today(), minutes: 30, content: '帮邻居搬运物资', evidence: 'cloud://local/uploads/x/y.jpg' }),
      );
      return { recordId: record.id, approve: true };
    },
  },
  {
    action: 'hours.reviewCorrection',
    fn: 'volunteers',
    allowed: [...leadership, ...staffOver],
    input: async (f) => {
      await confirmed(f);
      const mine = await dataOf<{ records: { items: Array<{ id: string; activityId: string | null }> } }>(clients.owner.call('volunteers', 'hours.mine', { limit: 50 }, null));
      const recordId = mine.records.items.find((r) => r.activityId === f.activityId)!.id;
      const { correctionId } = await dataOf<{ correctionId: string }>(clients.owner.call('volunteers', 'hours.requestCorrection', { recordId, minutes: 100, reason: '提前离开了二十分钟' }));
      return { correctionId, approve: true };
    },
  },
  { action: 'volunteers.get', fn: 'volunteers', allowed: [...staffOver, 'otherCommittee'], input: async () => ({ volunteerNo }) },
  { action: 'credits.grant', fn: 'credits', allowed: staffOver, input: async () => ({ volunteerNo, amount: 5, reason: '表现突出', source: 'issuance' }) },
  { action: 'credits.adjust', fn: 'credits', allowed: staffOver, input: async () => ({ volunteerNo, amount: 1, reason: '补录' }) },
  { action: 'volunteerSettings.update', fn: 'credits', allowed: staffOver, input: async () => ({ communityId: 'cm-beiyuan', creditExpiryYears: 3 }) },
  { action: 'store.saveItem', fn: 'credits', allowed: staffOver, input: async () => ({ communityId: 'cm-beiyuan', name: '毛巾', cost: 5, stock: 10, perPersonLimit: 1 }) },
  {
    action: 'store.cancel',
    fn: 'credits',
    allowed: ['owner', ...staffOver],
    input: async (f) => {
      await confirmed(f);
      const item = await dataOf<{ id: string }>(clients.committee.call('credits', 'store.saveItem', { communityId: 'cm-beiyuan', name: '肥皂', cost: 1, stock: 5, perPersonLimit: 5 }));
      const redemption = await dataOf<{ id: string }>(clients.owner.call('credits', 'store.redeem', { itemId: item.id }));
      return { redemptionId: redemption.id };
    },
  },
  {
    action: 'proofs.issue',
    fn: 'proofs',
    allowed: leadership,
    input: async (f) => {
      await confirmed(f);
      const proof = await dataOf<{ id: string }>(clients.owner.call('proofs', 'proofs.request', { issuerType: 'group', issuerId: f.groupId, from: '2026-01-01', to: today() }));
      return { proofId: proof.id, personInCharge: '张主任', contact: '13800001111' };
    },
  },
  {
    action: 'proofs.reject',
    fn: 'proofs',
    allowed: leadership,
    input: async (f) => {
      await confirmed(f);
      const proof = await dataOf<{ id: string }>(clients.owner.call('proofs', 'proofs.request', { issuerType: 'group', issuerId: f.groupId, from: '2026-01-01', to: today() }));
      return { proofId: proof.id, reason: '记录需先核对' };
    },
  },
];

const ignored = ['idempotency', 'rate_limits', 'users', 'inbox', 'audit_log'];

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
