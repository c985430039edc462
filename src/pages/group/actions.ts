/**
 * What the group page offers, decided from the abilities and membership the server returned
 * (never re-derived from roles).
 */
import type { GroupDetail } from '../../shared/schemas/groups';

export type GroupAction = 'join' | 'request' | 'leave' | 'withdraw';

export type GroupNotice = 'pending' | 'rejected' | 'active' | 'inviteOnly' | 'notActive' | 'dissolved' | null;

export function availableAction(group: GroupDetail): GroupAction | null {
  const can = (ability: string) => group.abilities.includes(ability);
  const status = group.myMembership?.status;
  if (status === 'pending' && can('groups.leave')) return 'withdraw';
  if (status === 'active' && can('groups.leave')) return 'leave';
  if (can('groups.join')) return group.joinPolicy === 'approval' ? 'request' : 'join';
  return null;
}

export function noticeFor(group: GroupDetail): GroupNotice {
  // A dissolved group says so (and why) first: to its members too, for whom "you are a member"
  // would hide that the group no longer exists.
  if (group.status === 'dissolved') return 'dissolved';
  const status = group.myMembership?.status;
  if (status === 'pending') return 'pending';
  if (status === 'active') return 'active';
  if (status === 'rejected') return 'rejected';
  // An application has its own notice, with the reviewer's reason (ReviewNotice).
  if (group.status === 'pending' || group.status === 'rejected') return null;
  if (group.status !== 'active') return 'notActive';
  if (group.joinPolicy === 'invite' && !group.abilities.includes('groups.join')) return 'inviteOnly';
  return null;
}
