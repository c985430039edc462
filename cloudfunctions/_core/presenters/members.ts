/** What the members function shows: members and join requests with their nickname and avatar. */
import type { JoinRequestView, MemberView } from '../../../src/shared/schemas/members';
import type { MembershipDoc } from '../repositories/memberships';
import type { UserDoc } from '../repositories/users';

/** A member as the member list shows them. */
export function presentMember(membership: MembershipDoc, user: UserDoc | undefined): MemberView {
  return { userId: membership.userId, nickname: user?.nickname ?? '', avatar: user?.avatar ?? null, role: membership.role, since: membership.updatedAt.toISOString() };
}

/** A join request as the leaders see it. */
export function presentJoinRequest(request: MembershipDoc, user: UserDoc | undefined): JoinRequestView {
  return { userId: request.userId, nickname: user?.nickname ?? '', avatar: user?.avatar ?? null, message: request.message, requestedAt: request.updatedAt.toISOString() };
}
