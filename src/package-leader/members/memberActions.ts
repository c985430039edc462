/**
 * What the viewer may do to one member. The group's abilities say whether they manage members
 * at all ('groups.manageMembers') and whether they are the leader: only the leader holds
 * 'groups.transfer', and the contract lets only the leader set roles. Co-leaders may remove
 * plain members only; nobody acts on themself or on the leader. The server checks it all again.
 */
import type { MemberView } from '../../shared/schemas/members';

export type MemberAction = 'makeCoLeader' | 'makeMember' | 'transfer' | 'remove';

export function memberActions(abilities: readonly string[], member: MemberView, myId: string | null): MemberAction[] {
  if (!abilities.includes('groups.manageMembers') || member.userId === myId || member.role === 'leader') return [];
  const isLeader = abilities.includes('groups.transfer');
  if (!isLeader) return member.role === 'member' ? ['remove'] : [];
  return [member.role === 'co_leader' ? 'makeMember' : 'makeCoLeader', 'transfer', 'remove'];
}
