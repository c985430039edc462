/** groups.resubmit: a rejected applicant changes the application and sends it back for review. */
import { groupPolicies } from '../../../../src/shared/policies/groups';
import type { GroupsResubmitInput } from '../../../../src/shared/schemas/groups';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { groupNotFound, groupResource } from '../../authz/groups';
import { findGroup, geoChangeOf, updateGroupInStatus, type GroupDoc } from '../../repositories/groups';
import { applicationFields, checkTexts, placementOf } from './application';
import { groupErrors } from '../../../../src/shared/domainErrors';

/** The applicant changes a rejected application and sends it back for review. */
export async function resubmitApplication(actor: Actor, input: GroupsResubmitInput, now: Date): Promise<GroupDoc> {
  const group = await findGroup(input.groupId);
  if (!group) throw groupNotFound();
  const resource = groupResource(group, null);
  authorize(groupPolicies, 'groups.view', actor, resource, groupNotFound());
  authorize(groupPolicies, 'groups.resubmit', actor, resource);
  const placement = await placementOf(input);
  await checkTexts(actor, input);
  const changes = { ...applicationFields(input, placement), geo: geoChangeOf(input.place), status: 'pending' as const, submittedAt: now, reviewedAt: null, reviewedBy: null, updatedAt: now };
  // Conditional on still being rejected, so a resubmission cannot race a second one.
  if (!(await updateGroupInStatus(group._id, 'rejected', changes))) throw groupErrors.applicationChanged();
  return { ...group, ...changes, reviewReason: group.reviewReason };
}
