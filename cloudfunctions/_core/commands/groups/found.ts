/**
 * groups.found: a resident applies to found a group; it waits for review. The reviewer follows
 * the management level (community-managed → its committee, filed → its street, registered →
 * the county, which records the registration number).
 */
import type { GroupsFoundInput } from '../../../../src/shared/schemas/groups';
import type { Actor } from '../../authz/actor';
import { addGroup, type GroupDoc } from '../../repositories/groups';
import { digest } from '../../runtime/hash';
import { applicationFields, checkTexts, geoOf, placementOf } from './application';

/** A resident applies to found a group; it waits for review. */
export async function foundGroup(actor: Actor, input: GroupsFoundInput, requestId: string, now: Date): Promise<GroupDoc> {
  const placement = await placementOf(input);
  await checkTexts(actor, input);
  const id = `g${digest('group', actor.userId, requestId).slice(0, 20)}`;
  const group: GroupDoc = {
    _id: id,
    ...applicationFields(input, placement),
    // Kept beside the place so nearest-first lists can use the geo index.
    ...geoOf(input.place),
    registrationNumber: null,
    filingNumber: null,
    status: 'pending',
    leaderId: null,
    memberCount: 0,
    applicantId: actor.userId,
    submittedAt: now,
    reviewedAt: null,
    reviewedBy: null,
    reviewReason: null,
    ratings: [],
    hubId: null,
    dissolvedReason: null,
    createdAt: now,
    updatedAt: now,
  };
  await addGroup(group);
  return group;
}
