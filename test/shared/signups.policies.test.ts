/** Policy matrix of the `signups` set: who signs up, runs the roster and shows the check-in code, by the activity's state. */
import type { PolicyActor } from '../../src/shared/policies/actor';
import type { ActivityResource } from '../../src/shared/policies/activities';
import { abilities } from '../../src/shared/policies/authorize';
import type { GroupResource } from '../../src/shared/policies/groups';
import { signupPolicies } from '../../src/shared/policies/signups';

const resident: PolicyActor = { userId: 'u1', grants: [] };
const group = (membership: GroupResource['membership'], status: GroupResource['status'] = 'active'): GroupResource => ({
  regionId: 'cm-beiyuan',
  ancestorIds: ['cty-linxi', 'st-chengguan'],
  status,
  type: 'culture_sports',
  joinPolicy: 'open',
  managementLevel: 'community',
  applicantId: null,
  membership,
});
const activity = (g: GroupResource, status: ActivityResource['status'] = 'published', ended = false): ActivityResource => ({ group: g, status, ended });

const leader = group({ status: 'active', role: 'leader' });
const coLeader = group({ status: 'active', role: 'co_leader' });
const member = group({ status: 'active', role: 'member' });
const stranger = group(null);

const cases: Array<[string, ActivityResource, string[]]> = [
  ['a stranger, published', activity(stranger), ['signups.create']],
  ['a member, published', activity(member), ['signups.create']],
  ['the leader, published', activity(leader), ['signups.create', 'signups.manage', 'checkin.show']],
  ['a co-leader, published', activity(coLeader), ['signups.create', 'signups.manage', 'checkin.show']],
  ['the leader, ended', activity(leader, 'published', true), ['signups.manage', 'checkin.show']],
  ['the leader, cancelled', activity(leader, 'cancelled'), ['signups.manage']],
  ['a stranger, group suspended', activity(group(null, 'suspended')), []],
  ['a left leader', activity(group({ status: 'left', role: 'leader' })), ['signups.create']],
];

test.each(cases)('%s', (_name, resource, allowed) => {
  expect(abilities(signupPolicies, resident, resource)).toEqual(allowed);
});
