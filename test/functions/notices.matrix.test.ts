/**
 * The notices authorization matrix: the notices function's actions × a resident of the community,
 * a resident of another, committee of this and of another community, street and county over it
 * and a street elsewhere. Each cell gets a fresh notice; a denial must answer 403/404 and write
 * nothing (IDOR: a notice id of a community the caller has no part in is NOT_FOUND).
 */
import { snapshotDatabase } from '../support/dbSnapshot';
import { databaseOf, grantRole, type Db } from '../support/fixtures';
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

const ROLES = ['resident', 'outsider', 'committee', 'otherCommittee', 'street', 'otherStreet', 'county'] as const;
type Role = (typeof ROLES)[number];
const OPENID: Record<Role, string> = {
  resident: 'nm-resident',
  outsider: 'nm-outsider',
  committee: 'demo-committee',
  otherCommittee: 'nm-other-committee',
  street: 'demo-street',
  otherStreet: 'nm-other-street',
  county: 'demo-county',
};
const HOME: Partial<Record<Role, string>> = { resident: 'cm-beiyuan', outsider: 'cm-nanhu', otherCommittee: 'cm-nanhu', otherStreet: 'cm-taoyuan' };
const staffOver: Role[] = ['committee', 'street', 'county'];
const ignored = ['idempotency', 'rate_limits', 'users', 'inbox', 'audit_log'];

let cloud: RunningCloud;
let db: Db;
let serial = 0;
const clients = {} as Record<Role, Client>;

beforeAll(async () => {
  cloud = await startCloud();
  db = databaseOf(cloud);
  await grantRole(db, OPENID.otherCommittee, 'committee', 'cm-nanhu');
  await grantRole(db, OPENID.otherStreet, 'street', 'st-taoyuan');
  for (const role of ROLES) {
    clients[role] = await Client.signIn(cloud.url, OPENID[role]);
    const home = HOME[role];
    if (home) await dataOf(clients[role].call('account', 'account.updateProfile', { homeCommunityId: home }));
  }
}, 120_000);
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

const validUntil = () => new Date(Date.now() + 86_400_000).toISOString();
/**
 * A fresh notice of 北苑 as its committee would have posted it: published (urgent, so it is
 * pinned) or a draft. Written straight to the database: posting is rate-limited (30 an hour).
 */
async function freshNotice(publish: boolean): Promise<string> {
  const now = new Date();
  const id = `nt-matrix-${(serial += 1)}`;
  await db.collection('notices').add({
    _id: id,
    communityId: 'cm-beiyuan',
    title: '矩阵测试通知',
    body: '用于权限矩阵的测试通知。',
    kind: 'general',
    urgent: true,
    validUntil: new Date(now.getTime() + 86_400_000),
    imageFileId: null,
    imageStatus: null,
    status: publish ? 'published' : 'draft',
    createdBy: 'u-matrix',
    createdAt: now,
    updatedAt: now,
    publishedAt: publish ? now : null,
    withdrawnAt: null,
    withdrawnBy: null,
    withdrawReason: null,
  });
  return id;
}

interface Case {
  action: string;
  allowed: readonly Role[];
  input: () => Promise<Record<string, unknown>>;
}

const cases: Case[] = [
  { action: 'notices.post', allowed: staffOver, input: async () => ({ communityId: 'cm-beiyuan', title: '新通知', body: '矩阵里发的新通知。', kind: 'safety', validUntil: validUntil() }) },
  { action: 'notices.update', allowed: staffOver, input: async () => ({ noticeId: await freshNotice(false), title: '改过的草稿' }) },
  { action: 'notices.withdraw', allowed: staffOver, input: async () => ({ noticeId: await freshNotice(true), reason: '矩阵撤回' }) },
  { action: 'notices.list', allowed: staffOver, input: async () => ({ communityId: 'cm-beiyuan' }) },
  { action: 'notices.readCounts', allowed: staffOver, input: async () => ({ noticeId: await freshNotice(true) }) },
  { action: 'notices.get', allowed: [...staffOver, 'resident'], input: async () => ({ noticeId: await freshNotice(true) }) },
  // 张主任 (demo-committee) lives in 北苑 too: as its resident she may close its pin on her own home page.
  { action: 'notices.dismiss', allowed: ['resident', 'committee'], input: async () => ({ noticeId: await freshNotice(true) }) },
];

describe.each(cases)('$action', ({ action, allowed, input }) => {
  test.each(ROLES)('%s', async (role) => {
    const body = await input();
    const before = snapshotDatabase(cloud.dataDir, ignored);
    const { status, body: reply } = await clients[role].call('notices', action, body);
    if (allowed.includes(role)) {
      expect({ role, status, code: reply.ok ? 'OK' : reply.error.code }).toEqual({ role, status: 200, code: 'OK' });
    } else {
      expect({ role, denied: status === 403 || status === 404 }).toEqual({ role, denied: true });
      expect(snapshotDatabase(cloud.dataDir, ignored)).toBe(before);
    }
  });
});

test('a draft is not there for anyone but staff over its community (IDOR)', async () => {
  const draftId = await freshNotice(false);
  for (const role of ['resident', 'outsider', 'otherCommittee', 'otherStreet'] as const) {
    const { status, body } = await clients[role].call('notices', 'notices.get', { noticeId: draftId }, null);
    expect({ role, status, reason: !body.ok && body.error.reason }).toEqual({ role, status: 404, reason: 'notices.not_found' });
  }
});
