/** Shared by activities.create and activities.update: the schedule of an activity, and its texts' check. */
import type { ActivitiesCreateInput, ActivitiesUpdateInput } from '../../../../src/shared/schemas/activities';
import type { Actor } from '../../authz/actor';
import { assertContentAllowed } from '../../ports/contentCheck';
import type { GroupDoc } from '../../repositories/groups';

const HOUR = 3600_000;

/** The times of an activity (shifted by whole weeks in a series); the cutoff from the group's rule unless set. */
export function scheduleOf(input: ActivitiesCreateInput | ActivitiesUpdateInput, group: GroupDoc, weekOffset: number) {
  const shift = (d: Date) => new Date(d.getTime() + weekOffset * 7 * 24 * HOUR);
  const startAt = shift(input.startAt);
  const cutoffHours = input.cancelCutoffHours ?? group.cancelCutoffHours;
  return {
    startAt,
    endAt: shift(input.endAt),
    signupOpenAt: input.signupOpenAt ? shift(input.signupOpenAt) : new Date(0),
    signupCloseAt: input.signupCloseAt ? shift(input.signupCloseAt) : startAt,
    cancelCutoffAt: new Date(startAt.getTime() - cutoffHours * HOUR),
  };
}

/** Every text of an activity goes through the content check before it is stored. */
export async function checkActivityTexts(actor: Actor, input: ActivitiesCreateInput | ActivitiesUpdateInput): Promise<void> {
  await assertContentAllowed({ title: input.title, description: input.description, location: `${input.location.name} ${input.location.address}` }, 3, actor.openid);
}
