/** activities.update: the organisers edit an activity; everyone signed up is told. */
import { activityPolicies } from '../../../../src/shared/policies/activities';
import type { ActivitiesUpdateInput } from '../../../../src/shared/schemas/activities';
import type { Actor } from '../../authz/actor';
import { loadVisibleActivity } from '../../authz/activities';
import { authorize } from '../../authz/authorize';
import { offerFreeSeats } from '../../ledger/seatLedger';
import { geoChangeOf, geoPointOf, updateActivityDoc } from '../../repositories/activities';
import { countTakenSeats, createSeats, removeFreeSeatsFromTop } from '../../repositories/seats';
import { moveSignupsStart } from '../../repositories/signups';
import { checkActivityTexts, scheduleOf } from './planning';
import { notifySignedUp } from './tellSignedUp';
import { activityErrors } from '../../../../src/shared/domainErrors';

/** Edits an activity; capacity may grow (new seats go to the waitlist first), not shrink below the confirmed. */
export async function updateActivity(actor: Actor, input: ActivitiesUpdateInput, now: Date): Promise<void> {
  const { activity, group, resource } = await loadVisibleActivity(actor, input.activityId);
  authorize(activityPolicies, 'activities.edit', actor, resource);
  if (input.capacity < activity.capacity) {
    const total = await countTakenSeats(activity._id);
    const free = activity.capacity - total;
    if (input.capacity < activity.capacity - free) throw activityErrors.capacityBelowSignups({ total });
  }
  await checkActivityTexts(actor, input);
  const schedule = scheduleOf(input, group, 0);
  if (input.capacity > activity.capacity) await createSeats(activity._id, activity.capacity, input.capacity);
  if (input.capacity < activity.capacity) {
    // Remove free seats from the top until the capacity matches. A seat taken meanwhile is not
    // removed: the capacity then stays at the seats that exist, never below the people holding them.
    const wanted = activity.capacity - input.capacity;
    const removed = await removeFreeSeatsFromTop(activity._id, wanted);
    if (removed < wanted) {
      const least = activity.capacity - removed;
      await updateActivityDoc(activity._id, { capacity: least, updatedAt: now });
      throw activityErrors.capacityJustChanged({ least });
    }
  }
  await updateActivityDoc(activity._id, {
    title: input.title,
    description: input.description,
    category: input.category,
    coverImage: input.coverImage,
    ...schedule,
    location: input.location,
    // The geo point follows the location; a place without coordinates drops it (listed last).
    geo: geoChangeOf(geoPointOf(input.location)),
    capacity: input.capacity,
    skills: input.skills,
    minAge: input.minAge,
    volunteer: input.volunteer,
    isVolunteer: input.volunteer !== null,
    approvalRequired: input.approvalRequired,
    offerWindowHours: input.offerWindowHours,
    updatedAt: now,
  });
  // Sign-ups carry their activity's start (no-show windows, the list's "my sign-up" read).
  if (schedule.startAt.getTime() !== activity.startAt.getTime()) await moveSignupsStart(activity._id, schedule.startAt);
  if (input.capacity > activity.capacity) {
    await offerFreeSeats({ ...activity, title: input.title, capacity: input.capacity, offerWindowHours: input.offerWindowHours }, now);
  }
  await notifySignedUp(activity, 'activity_changed', { activity: input.title }, now);
}
