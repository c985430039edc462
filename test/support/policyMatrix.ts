/**
 * The authorization matrix harness of every test/functions/<fn>.matrix.test.ts (DESIGN §7, STYLE
 * 6): each case (an action and the roles allowed to do it) is tried by every role of the cast —
 * resident, the volunteer herself (owner), member, co-leader, leader, leader of another group,
 * committee of this and of another community, street and county. An allowed role gets 200; any
 * other gets 403/404 and writes nothing (the database is compared before and after, leaving out
 * what a refused call may write: request marks, rate limits…).
 *
 * One harness (issue 17); what differs between functions is data, a `MatrixKind`:
 * `activityCells` (a fresh activity with one confirmed attendee per cell: activities, signups),
 * `groupCells` (the case makes its own group with `groupFixture`: groups, members, hubs, posts)
 * and `volunteerCells` (a registered volunteer, and per cell a finished volunteer activity she
 * attended: volunteers, credits, proofs). Each file runs on a cloud of its own.
 */
import { mainlandCheckChar } from '../../src/shared/identity/idNumber';
import { snapshotDatabase } from './dbSnapshot';
import { createActivity, createAttendance, createGroup, databaseOf, grantRole, type Db } from './fixtures';
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud } from './localCloud';

export const ROLES = ['resident', 'owner', 'member', 'coLeader', 'leader', 'otherLeader', 'committee', 'otherCommittee', 'street', 'county'] as const;
export type Role = (typeof ROLES)[number];

export const leadership: Role[] = ['leader', 'coLeader'];
export const staffOver: Role[] = ['committee', 'street', 'county'];

/** What differs between the functions' matrices. */
export interface MatrixKind<F> {
  /** The cast's openids start with it (the demo staff keep theirs), so a cloud's data tells which matrix wrote it. */
  castPrefix: string;
  /** The roles every case is tried as, in the order the tests are named. */
  roles: readonly Role[];
  /** Collections a refused call may still write (request marks, rate limits, notices, the audit of a read). */
  mayWrite: readonly string[];
  /** Once, after the cast has signed in: what every cell shares. */
  setUp?: () => Promise<void>;
  /** Before each cell: the fresh things the case's input refers to. */
  cell: () => Promise<F>;
}

/** One row: an action (a label may add words after its name: `groups.review (filed)`), the roles allowed, its input. */
export interface Case<F = void> {
  action: string;
  fn: string;
  allowed: readonly Role[];
  input: (cell: F) => Record<string, unknown> | Promise<Record<string, unknown>>;
}

let cloud: RunningCloud;
export let db: Db;
export const clients = {} as Record<Role, Client>;
const demoStaff: Partial<Record<Role, string>> = { committee: 'demo-committee', street: 'demo-street', county: 'demo-county' };
const slugOf: Record<Role, string> = {
  resident: 'resident', owner: 'owner', member: 'member', coLeader: 'coleader', leader: 'leader',
  otherLeader: 'other-leader', committee: 'committee', otherCommittee: 'other-committee', street: 'street', county: 'county',
};
/** Each role's openid in this file's matrix (set by policyMatrix before any case's input runs). */
export const OPENID = {} as Record<Role, string>;

/**
 * Starts this file's own cloud with the cast of `kind` signed in (another community's committee
 * granted, another group led by otherLeader), stops it after, and returns the function that turns
 * the file's cases into one describe a case and one test a role.
 */
export function policyMatrix<F>(kind: MatrixKind<F>): (cases: Case<F>[]) => void {
  for (const role of ROLES) OPENID[role] = demoStaff[role] ?? `${kind.castPrefix}-${slugOf[role]}`;
  beforeAll(async () => {
    cloud = await startCloud();
    db = databaseOf(cloud);
    for (const role of kind.roles) clients[role] = await Client.signIn(cloud.url, OPENID[role]);
    await grantRole(db, OPENID.otherCommittee, 'committee', 'cm-nanhu');
    await createGroup(db, { leader: OPENID.otherLeader });
    await kind.setUp?.();
  });
  afterAll(async () => {
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  });
  return (cases) => {
    describe.each(cases)('$action', ({ action, fn, allowed, input }) => {
      test.each(kind.roles)('%s', async (role) => {
        const body = await input(await kind.cell());
        const before = snapshotDatabase(cloud.dataDir, [...kind.mayWrite]);
        const { status, body: reply } = await clients[role].call(fn, action.split(' ')[0]!, body);
        if (allowed.includes(role)) {
          expect({ role, status, code: reply.ok ? 'OK' : reply.error.code }).toEqual({ role, status: 200, code: 'OK' });
        } else {
          expect({ role, denied: status === 403 || status === 404 }).toEqual({ role, denied: true });
          expect(snapshotDatabase(cloud.dataDir, [...kind.mayWrite])).toBe(before);
        }
      });
    });
  };
}

const withoutOwner = ROLES.filter((role) => role !== 'owner');

/** An activity cell: a fresh group with the cast, one activity starting within the hour, one confirmed attendee. */
export interface ActivityCell {
  groupId: string;
  activityId: string;
  attendee: string;
}

/** The activities and signups matrices: each cell on a fresh activity. */
export const activityCells: MatrixKind<ActivityCell> = {
  castPrefix: 'am',
  roles: withoutOwner,
  mayWrite: ['idempotency', 'rate_limits', 'users', 'inbox'],
  cell: async () => {
    const groupId = await createGroup(db, { leader: OPENID.leader, coLeaders: [OPENID.coLeader], members: [OPENID.member] });
    const activityId = await createActivity(db, groupId, OPENID.leader);
    const attendee = `am-attendee-${Math.random().toString(36).slice(2, 8)}`;
    const client = await Client.signIn(cloud.url, attendee);
    await dataOf(client.call('signups', 'signups.create', { activityId }));
    return { groupId, activityId, attendee };
  },
};

/** The groups, members, hubs and posts matrices: each case makes the group it needs (groupFixture). */
export const groupCells: MatrixKind<void> = {
  castPrefix: 'mx',
  roles: withoutOwner,
  mayWrite: ['idempotency', 'rate_limits', 'users'],
  cell: async () => undefined,
};

/** A fresh community-managed group in 北苑社区 with the cast in place and one resident asking to join. */
export async function groupFixture(spec: Parameters<typeof createGroup>[1] = {}): Promise<{ groupId: string; requester: string }> {
  const requester = `mx-requester-${Math.random().toString(36).slice(2, 8)}`;
  await Client.signIn(cloud.url, requester);
  const groupId = await createGroup(db, { leader: OPENID.leader, coLeaders: [OPENID.coLeader], members: [OPENID.member], pending: [requester], ...spec });
  return { groupId, requester };
}

/** A volunteer cell: a fresh group (the owner a member) and a finished volunteer activity she attended. */
export interface VolunteerCell {
  groupId: string;
  activityId: string;
  signupId: string;
}

/** The owner's volunteer number (registered once by volunteerCells' set-up). */
export let volunteerNo: string;
const first17 = '11010519770707135';
const OWNER_ID = `${first17}${mainlandCheckChar(first17)}`;

/** The volunteers, credits and proofs matrices: the owner is a registered volunteer of 北苑. */
export const volunteerCells: MatrixKind<VolunteerCell> = {
  castPrefix: 'vm',
  roles: ROLES,
  mayWrite: ['idempotency', 'rate_limits', 'users', 'inbox', 'audit_log'],
  setUp: async () => {
    await dataOf(clients.owner.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' }));
    ({ volunteerNo } = await dataOf<{ volunteerNo: string }>(
      clients.owner.call('volunteers', 'volunteers.register', { realName: '吴志愿', idType: 'mainland_id', idNumber: OWNER_ID, sensitiveConsent: true }),
    ));
  },
  cell: async () => {
    const groupId = await createGroup(db, { leader: OPENID.leader, coLeaders: [OPENID.coLeader], members: [OPENID.member, OPENID.owner] });
    const activityId = await createActivity(db, groupId, OPENID.leader, { startsInHours: -3, volunteer: { plannedHours: 2, creditsPerHour: 10 } });
    const signupId = await createAttendance(db, activityId, OPENID.owner, 0, 120);
    return { groupId, activityId, signupId };
  },
};

/** Today in China (UTC+8), as a service date. */
export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** The leader confirms the owner's attendance of a volunteer cell: her hours and credits are recorded. */
export const confirmed = async (cell: VolunteerCell) => dataOf(clients.leader.call('volunteers', 'hours.confirm', { activityId: cell.activityId, items: [{ signupId: cell.signupId }] }));
