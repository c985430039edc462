/** groups.joinByInvite: joins through an invite link, whatever the group's join policy. */
import type { Actor } from '../../authz/actor';
import { countMember, findGroup } from '../../repositories/groups';
import { countInviteUse, findInvite, inviteIdOf } from '../../repositories/invites';
import { findMembership, putMembership } from '../../repositories/memberships';
import { inTransaction } from '../../runtime/transactions';
import { groupErrors, memberErrors } from '../../../../src/shared/domainErrors';

/** Joins the invite's group (membership and member count in one transaction); answers the group id. */
export async function joinByInvite(actor: Actor, token: string, now: Date): Promise<string> {
  const inviteId = inviteIdOf(token);
  const invite = await findInvite(inviteId);
  if (!invite || invite.expiresAt.getTime() <= now.getTime()) throw memberErrors.inviteLinkInvalid();
  await inTransaction(async (tx) => {
    const group = await findGroup(invite.groupId, tx);
    if (!group || group.status !== 'active') throw memberErrors.inviteLinkInvalid();
    const membership = await findMembership(group._id, actor.userId, tx);
    if (membership?.status === 'active') throw groupErrors.alreadyMember();
    if (membership?.status === 'banned') throw groupErrors.removedCannotRejoin();
    await putMembership(
      { groupId: group._id, userId: actor.userId, role: 'member', status: 'active', message: null, createdAt: membership?.createdAt ?? now, updatedAt: now, decidedBy: null, decidedAt: null, reason: 'invite' },
      tx,
    );
    await countMember(group._id, 1, now, tx);
  });
  await countInviteUse(inviteId);
  return invite.groupId;
}
