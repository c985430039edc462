/**
 * The registry's authorization matrix: every management action × resident, member, co-leader,
 * leader, leader of another group, committee of this and of another community, street and
 * county. Each cell runs on a fresh group; a denial must answer 403/404 and write nothing.
 */
import { snapshotDatabase } from '../support/dbSnapshot';
import { createGroup, createHubInvite, createPost, databaseOf, grantRole, type Db } from '../support/fixtures';
import { Client, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

const ROLES = ['resident', 'member', 'coLeader', 'leader', 'otherLeader', 'committee', 'otherCommittee', 'street', 'county'] as const;
type Role = (typeof ROLES)[number];

const OPENID: Record<Role, string> = {
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

interface Fixture {
  groupId: string;
  requester: string;
}

/** A fresh community-managed group in 北苑社区 with the cast in place. */
async function fixture(spec: Parameters<typeof createGroup>[1] = {}): Promise<Fixture> {
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

const uid = (openid: string) => {
  // Same derivation as the server: the user id is a hash of the openid.
  return require('../../cloudfunctions/_core/repositories/users').userIdOf(openid) as string;
};

interface Case {
  action: string;
  fn: string;
  allowed: Role[];
  input: () => Promise<Record<string, unknown>>;
}

const leadership: Role[] = ['leader', 'coLeader'];
const staffOver: Role[] = ['committee', 'street', 'county'];

const cases: Case[] = [
  { action: 'groups.get', fn: 'groups', allowed: [...ROLES], input: async () => ({ groupId: (await fixture()).groupId }) },
  { action: 'groups.update', fn: 'groups', allowed: leadership, input: async () => ({ groupId: (await fixture()).groupId, description: '新的小组介绍，欢迎大家来参加。' }) },
  { action: 'groups.dissolve', fn: 'groups', allowed: ['leader', ...staffOver], input: async () => ({ groupId: (await fixture()).groupId, reason: '长期没有活动' }) },
  { action: 'groups.rate', fn: 'groups', allowed: ['street', 'county'], input: async () => ({ groupId: (await fixture()).groupId, year: 2026, excellent: true }) },
  { action: 'groups.transferLeadership', fn: 'groups', allowed: ['leader'], input: async () => ({ groupId: (await fixture()).groupId, userId: uid(OPENID.member) }) },
  { action: 'members.list', fn: 'members', allowed: ['member', 'coLeader', 'leader', ...staffOver], input: async () => ({ groupId: (await fixture()).groupId }) },
  { action: 'members.requests', fn: 'members', allowed: leadership, input: async () => ({ groupId: (await fixture()).groupId }) },
  {
    action: 'members.decide',
    fn: 'members',
    allowed: leadership,
    input: async () => {
      const f = await fixture();
      return { groupId: f.groupId, userId: uid(f.requester), decision: 'approve' };
    },
  },
  { action: 'members.remove', fn: 'members', allowed: leadership, input: async () => ({ groupId: (await fixture()).groupId, userId: uid(OPENID.member), reason: '多次违反群规' }) },
  { action: 'members.setRole', fn: 'members', allowed: ['leader'], input: async () => ({ groupId: (await fixture()).groupId, userId: uid(OPENID.member), role: 'co_leader' }) },
  { action: 'invites.create', fn: 'members', allowed: leadership, input: async () => ({ groupId: (await fixture()).groupId }) },
  { action: 'posts.create', fn: 'posts', allowed: leadership, input: async () => ({ groupId: (await fixture()).groupId, text: '本周六上午九点在广场集合。' }) },
  { action: 'posts.list', fn: 'posts', allowed: [...ROLES], input: async () => ({ groupId: (await fixture()).groupId }) },
  {
    action: 'posts.remove',
    fn: 'posts',
    allowed: ['leader', 'coLeader', ...staffOver],
    input: async () => ({ postId: await createPost(db, (await fixture()).groupId, OPENID.leader) }),
  },
  {
    action: 'hubs.invite',
    fn: 'hubs',
    allowed: leadership,
    input: async () => {
      const hub = await fixture({ type: 'hub', managementLevel: 'filed', communityId: null, streetId: 'st-chengguan' });
      const target = await createGroup(db, { leader: OPENID.otherLeader });
      return { hubId: hub.groupId, groupId: target };
    },
  },
  {
    action: 'hubs.respond',
    fn: 'hubs',
    allowed: leadership,
    input: async () => {
      const hub = await createGroup(db, { type: 'hub', managementLevel: 'filed', communityId: null, streetId: 'st-chengguan', leader: OPENID.otherLeader });
      return { linkId: await createHubInvite(db, hub, (await fixture()).groupId), accept: true };
    },
  },
  { action: 'hubs.invitations', fn: 'hubs', allowed: leadership, input: async () => ({ groupId: (await fixture()).groupId }) },
  {
    action: 'groups.review (community-managed)',
    fn: 'groups',
    allowed: ['committee'],
    input: async () => ({ groupId: await createGroup(db, { status: 'pending', applicant: 'mx-applicant' }), decision: 'approve' }),
  },
  {
    action: 'groups.review (filed)',
    fn: 'groups',
    allowed: ['street'],
    input: async () => ({ groupId: await createGroup(db, { status: 'pending', managementLevel: 'filed', applicant: 'mx-applicant' }), decision: 'approve', number: '城关备字〔2026〕101号' }),
  },
  {
    action: 'groups.review (registered)',
    fn: 'groups',
    allowed: ['county'],
    input: async () => ({ groupId: await createGroup(db, { status: 'pending', managementLevel: 'registered', applicant: 'mx-applicant' }), decision: 'approve', number: '临民登字〔2026〕0042号' }),
  },
];

const ignored = ['idempotency', 'rate_limits', 'users'];

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
