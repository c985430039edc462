/** Policy matrix of the `hubs` set: inviting groups to a hub and answering, by role, group type and state. */
import type { PolicyActor } from '../../src/shared/policies/actor';
import { abilities } from '../../src/shared/policies/authorize';
import type { GroupResource } from '../../src/shared/policies/groups';
import { hubPolicies } from '../../src/shared/policies/hubs';

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

describe('hubs', () => {
  const cases: Array<[string, PolicyActor, GroupResource, string[]]> = [
    ["a hub's leader", resident, group(leader, 'active', 'hub'), ['hubs.invite', 'hubs.respond']],
    ["a group's co-leader", resident, group(coLeader), ['hubs.respond']],
    ['a member of a hub', resident, group(member, 'active', 'hub'), []],
    ['the committee over a hub', committee, group(null, 'active', 'hub'), []],
    ["a suspended hub's leader", resident, group(leader, 'suspended', 'hub'), []],
  ];
  test.each(cases)('%s', (_name, actor, resource, allowed) => {
    expect(abilities(hubPolicies, actor, resource)).toEqual(allowed);
  });
});
