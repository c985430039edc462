/** activities.create: a group's leaders post an activity, or a weekly series of them. */
import { randomBytes } from 'node:crypto';
import { activityGroupPolicies } from '../../../../src/shared/policies/activities';
import type { ActivitiesCreateInput } from '../../../../src/shared/schemas/activities';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleGroup } from '../../authz/groups';
import { addActivityOnce, geoPointOf, type ActivityDoc } from '../../repositories/activities';
import { createSeats } from '../../repositories/seats';
import { digest } from '../../runtime/hash';
import { checkActivityTexts, scheduleOf } from './planning';
import { activityErrors } from '../../../../src/shared/domainErrors';

/** Posts an activity, or a weekly series of them. */
export async function createActivities(actor: Actor, input: ActivitiesCreateInput, requestId: string, now: Date): Promise<string[]> {
  const { group, resource } = await loadVisibleGroup(actor, input.groupId);
  authorize(activityGroupPolicies, 'activities.create', actor, resource);
  if (input.startAt.getTime() <= now.getTime()) {
    throw activityErrors.startInPast();
  }
  await checkActivityTexts(actor, input);
  const seriesId = input.repeatWeeks > 1 ? `sr${digest('series', actor.userId, requestId).slice(0, 20)}` : null;
  const ids: string[] = [];
  const geo = geoPointOf(input.location);
  for (let week = 0; week < input.repeatWeeks; week += 1) {
    const id = `a${digest('activity', actor.userId, requestId, String(week)).slice(0, 24)}`;
    const doc: ActivityDoc = {
      _id: id,
      groupId: group._id,
      groupName: group.name,
      communityId: group.communityId,
      streetId: group.streetId,
      countyId: group.countyId,
      title: input.title,
      description: input.description,
      category: input.category,
      coverImage: input.coverImage,
      ...scheduleOf(input, group, week),
      location: input.location,
      // Kept beside the location so nearest-first lists can use the geo index.
      ...(geo ? { geo } : {}),
      capacity: input.capacity,
      skills: input.skills,
      minAge: input.minAge,
      volunteer: input.volunteer,
      isVolunteer: input.volunteer !== null,
      approvalRequired: input.approvalRequired,
      offerWindowHours: input.offerWindowHours,
      seriesId,
      status: 'published',
      cancelReason: null,
      confirmedCount: 0,
      offeredCount: 0,
      waitlistCount: 0,
      waitSeqNext: 0,
      checkinSecret: randomBytes(16).toString('hex'),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      remindersSent: [],
    };
    // Seats first: an activity is only visible once all its seats exist.
    await createSeats(id, 0, input.capacity);
    await addActivityOnce(doc);
    ids.push(id);
  }
  return ids;
}
