/** invites.create: an invite link token for a group, valid for some hours. */
import { randomBytes } from 'node:crypto';
import { memberPolicies } from '../../../../src/shared/policies/members';
import type { InviteView } from '../../../../src/shared/schemas/members';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleGroup } from '../../authz/groups';
import { addInvite, inviteIdOf } from '../../repositories/invites';

/** Makes an invite link; only the token's hash is stored (a leaked database does not leak working links). */
export async function createInvite(actor: Actor, groupId: string, expiresInHours: number, now: Date): Promise<InviteView> {
  const { resource } = await loadVisibleGroup(actor, groupId);
  authorize(memberPolicies, 'invites.create', actor, resource);
  const token = randomBytes(18).toString('base64url');
  const expiresAt = new Date(now.getTime() + expiresInHours * 3600_000);
  await addInvite({ _id: inviteIdOf(token), groupId, createdBy: actor.userId, createdAt: now, expiresAt, uses: 0 });
  return { token, path: `pages/group/index?id=${groupId}&invite=${token}`, expiresAt: expiresAt.toISOString() };
}
