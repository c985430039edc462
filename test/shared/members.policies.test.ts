/** Policy matrix of the `members` set: seeing a group's members and inviting, by role and group state. */
import type { PolicyActor } from '../../src/shared/policies/actor';
import { abilities } from '../../src/shared/policies/authorize';
import type { GroupResource } from '../../src/shared/policies/groups';
import { memberPolicies } from '../../src/shared/policies/members';

const resident: PolicyActor = { userId: 'u1', grants: [] };
const committee: PolicyActor = { userId: 'u2', grants: [{ role: 'committee', regionId: 'cm-beiyuan' }] };
const group = (membership: GroupResource['membership'], status: GroupResource['status'] = 'active', type: GroupResource['type'] = 'culture_sports'): GroupResource => ({
  regionId: 'cm-beiyuan',
  ancestorIds: ['cty-linxi', 'st-chengguan'],
  status,
  type,
  joinPolicy: 'open',
  managementLevel: 'community',
  applicantId: null,
  membership,
});

const leader = { status: 'active', role: 'leader' } as const;
const coLeader = { status: 'active', role: 'co_leader' } as const;
const member = { status: 'active', role: 'member' } as const;

describe('members', () => {
  const cases: Array<[string, PolicyActor, GroupResource, string[]]> = [
    ['a stranger', resident, group(null), []],
    ['a member', resident, group(member), ['members.view']],
    ['a co-leader', resident, group(coLeader), ['members.view', 'invites.create']],
    ['the leader of a suspended group', resident, group(leader, 'suspended'), ['members.view']],
    ['the leader of a dissolved group', resident, group(leader, 'dissolved'), []],
    ['the committee over it', committee, group(null), ['members.view']],
    ['a pending member', resident, group({ status: 'pending', role: 'member' }), []],
  ];
  test.each(cases)('%s', (_name, actor, resource, allowed) => {
    expect(abilities(memberPolicies, actor, resource)).toEqual(allowed);
  });
});
