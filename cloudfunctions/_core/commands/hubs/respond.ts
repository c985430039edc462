/** hubs.respond: the invited group's leaders accept or decline. */
import { hubPolicies } from '../../../../src/shared/policies/hubs';
import type { HubLinkView } from '../../../../src/shared/schemas/hubs';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { groupResource } from '../../authz/groups';
import { presentHubLink } from '../../presenters/hubs';
import { findGroup, setHubOnce } from '../../repositories/groups';
import { answerHubLink, findHubLink, markHubLinkDeclined } from '../../repositories/hubLinks';
import { findMembership } from '../../repositories/memberships';
import { regionDirectory } from '../../repositories/regions';
import { hubErrors } from '../../../../src/shared/domainErrors';

/** The invited group's leaders accept or decline. */
export async function respondToHub(actor: Actor, linkId: string, accept: boolean, now: Date): Promise<HubLinkView> {
  const link = await findHubLink(linkId);
  if (!link) throw hubErrors.inviteNotFound();
  const group = await findGroup(link.groupId);
  if (!group) throw hubErrors.inviteNotFound();
  const membership = await findMembership(group._id, actor.userId);
  // Only the invited group's leaders may see the invitation at all.
  authorize(hubPolicies, 'hubs.respond', actor, groupResource(group, membership), hubErrors.inviteNotFound());
  if (link.status !== 'invited') throw hubErrors.inviteHandled();
  const status = accept ? 'linked' : 'declined';
  if (!(await answerHubLink(linkId, status, actor.userId, now))) throw hubErrors.inviteHandled();
  if (accept) {
    if (!(await setHubOnce(group._id, link.hubId, now))) {
      await markHubLinkDeclined(linkId);
      throw hubErrors.inAnotherHub();
    }
  }
  const hub = await findGroup(link.hubId);
  return presentHubLink({ ...link, status, respondedBy: actor.userId, respondedAt: now }, hub!, { ...group, hubId: accept ? link.hubId : group.hubId }, await regionDirectory());
}
