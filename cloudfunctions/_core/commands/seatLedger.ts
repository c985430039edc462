/**
 * Seats of an activity are documents: a seat is free, held by a confirmed sign-up, or offered
 * to a waitlisted one. Every move is one conditional single-document update, so two people can
 * never hold one seat and confirmed sign-ups can never exceed the capacity, whatever the
 * concurrency. A freed seat goes straight to the first in the waitlist (never back to the
 * crowd), which keeps the waitlist first-in first-out. Counters on the activity are for display.
 */
import { notifier } from '../ports/notify';
import { activities, firstWaiting, seats, signups, type ActivityDoc, type SeatDoc, type SignupDoc } from '../repositories/activities';
import { database } from '../runtime/cloudbase';
import { Coalescer } from '../runtime/coalesce';

const HOUR = 3600_000;

/** Tells a waiting resident a seat is hers to confirm within the window. */
async function notifyOffer(activity: ActivityDoc, signup: SignupDoc, now: Date): Promise<void> {
  await notifier().notify({
    userId: signup.userId,
    kind: 'seat_offer',
    title: '候补转正机会',
    body: `「${activity.title}」有空位了，请在 ${activity.offerWindowHours} 小时内确认`,
    link: `pages/activity/index?id=${activity._id}`,
    dedupeKey: `offer-${signup._id}-${now.getTime()}`,
  });
}

/** Takes a free seat for a claim attempt of a sign-up; null when none is left. */
export async function claimSeat(activityId: string, signupId: string, attemptId: string): Promise<SeatDoc | null> {
  const claimed = (await seats().where({ activityId, state: 'free' }).updateAndReturn({ state: 'held', signupId, attemptId })) as { doc?: SeatDoc | null };
  return claimed.doc ?? null;
}

/**
 * Takes over the seat a dead attempt of this sign-up already holds (if any), so a resumed claim
 * never takes a second one. Marking it with the new attempt keeps the old attempt, should it
 * wake up after all, from freeing it (`releaseLostSeat` frees only its own).
 */
export async function adoptSeat(signupId: string, attemptId: string): Promise<SeatDoc | null> {
  const adopted = (await seats().where({ signupId, state: 'held' }).updateAndReturn({ attemptId })) as { doc?: SeatDoc | null };
  return adopted.doc ?? null;
}

/**
 * A claim attempt that took a seat but lost the sign-up to another attempt gives the seat back:
 * to the head of the line when people wait, else free. Only a seat still marked with this
 * attempt is touched.
 */
export async function releaseLostSeat(activity: ActivityDoc, seat: SeatDoc, attemptId: string, now: Date): Promise<void> {
  const freed = await seats().where({ _id: seat._id, signupId: seat.signupId, attemptId }).update({ state: 'free', signupId: null, attemptId: null });
  if (freed.updated === 1) await offerFreeSeats(activity, now);
}

/**
 * Puts a claiming sign-up at the end of the waitlist, if this attempt still owns it. Answers its
 * number, the activity after the bump and its place (everyone the waitlist counter counted at
 * that instant joined before it), or null when another attempt settled the sign-up (the place
 * drawn is given back).
 */
export async function joinWaitlist(activityId: string, signupId: string, attemptId: string, now: Date): Promise<WaitlistPlace | null> {
  const place = await takeWaitlistPlace(activityId, signupId);
  const queued = await signups()
    .where({ _id: signupId, status: 'claiming', 'attempt.id': attemptId })
    .update({ status: 'waitlisted', waitSeq: place.waitSeq, attempt: null, updatedAt: now });
  if (queued.updated === 1) return place;
  await returnWaitlistPlace(activityId);
  return null;
}

export interface WaitlistPlace {
  waitSeq: number;
  activity: ActivityDoc;
  position: number;
}

/**
 * Draws the next numbers of the line for everyone of this instance joining it together: one
 * update moves the activity's counters by the batch's size, and the numbers go out in arrival
 * order (a crowd on a full activity costs a few trips instead of one each).
 */
const placeDraws = new Coalescer<string, WaitlistPlace>(async (activityId, signupIds) => {
  const _ = database().command;
  const k = signupIds.length;
  const bumped = (await activities().where({ _id: activityId }).updateAndReturn({ waitSeqNext: _.inc(k), waitlistCount: _.inc(k) })) as {
    doc: ActivityDoc | null;
  };
  if (!bumped.doc) throw new Error(`activity ${activityId} vanished while ${signupIds.join(', ')} joined its waitlist`);
  const after = bumped.doc;
  // Everyone the counter counted before a number joined before it.
  return signupIds.map((_id, i) => {
    const waitSeq = after.waitSeqNext - k + 1 + i;
    return { waitSeq, activity: after, position: Math.max(1, Math.min(after.waitlistCount - k + 1 + i, waitSeq)) };
  });
});

/** Draws the next number of the line (the activity's counters move in one update). */
export function takeWaitlistPlace(activityId: string, signupId: string): Promise<WaitlistPlace> {
  return placeDraws.submit(activityId, signupId);
}

/** Gives back a place drawn for a sign-up that turned out not to be new. */
export async function returnWaitlistPlace(activityId: string): Promise<void> {
  await activities().doc(activityId).update({ waitlistCount: database().command.inc(-1) });
}

/**
 * Passes a seat that `fromSignupId` held or was offered to the next person waiting (an offer
 * with a confirm window), or frees it when nobody waits.
 */
export async function passSeatOn(activity: ActivityDoc, fromSignupId: string, now: Date): Promise<SignupDoc | null> {
  const _ = database().command;
  for (;;) {
    const next = await firstWaiting(activity._id);
    if (!next) {
      await seats().where({ activityId: activity._id, signupId: fromSignupId }).update({ state: 'free', signupId: null, attemptId: null });
      return null;
    }
    const offerExpiresAt = new Date(now.getTime() + activity.offerWindowHours * HOUR);
    // Conditional: a concurrent release may have offered this person a seat already.
    const won = await signups().where({ _id: next._id, status: 'waitlisted' }).update({ status: 'offered', offerExpiresAt, updatedAt: now });
    if (won.updated !== 1) continue;
    const moved = await seats().where({ activityId: activity._id, signupId: fromSignupId }).update({ state: 'offered', signupId: next._id, attemptId: null });
    if (moved.updated !== 1) {
      // The seat was already passed on (a retried release): put the person back in line.
      await signups().where({ _id: next._id, status: 'offered' }).update({ status: 'waitlisted', offerExpiresAt: null, updatedAt: now });
      return null;
    }
    await activities().doc(activity._id).update({ waitlistCount: _.inc(-1), offeredCount: _.inc(1) });
    await notifyOffer(activity, next, now);
    return next;
  }
}

/** Accepts an offered seat before it expires. */
export async function acceptOffer(signupId: string, now: Date): Promise<boolean> {
  const _ = database().command;
  const accepted = await signups().where({ _id: signupId, status: 'offered', offerExpiresAt: _.gt(now) }).update({ status: 'confirmed', offerExpiresAt: null, updatedAt: now });
  if (accepted.updated !== 1) return false;
  await seats().where({ signupId, state: 'offered' }).update({ state: 'held' });
  return true;
}

/** Timer: expires offers past their window and passes those seats on. */
export async function expireOffers(now: Date): Promise<{ expired: number }> {
  const _ = database().command;
  const { data } = await signups().where({ status: 'offered', offerExpiresAt: _.lte(now) }).limit(200).get();
  let expired = 0;
  for (const signup of data as SignupDoc[]) {
    const done = await signups().where({ _id: signup._id, status: 'offered' }).update({ status: 'expired', offerExpiresAt: null, updatedAt: now });
    if (done.updated !== 1) continue;
    expired += 1;
    await activities().doc(signup.activityId).update({ offeredCount: _.inc(-1) });
    const { data: found } = await activities().doc(signup.activityId).get();
    const activity = found[0] as ActivityDoc | undefined;
    if (!activity) continue;
    await notifier().notify({
      userId: signup.userId,
      kind: 'offer_expired',
      title: '候补名额已过期',
      body: `「${activity.title}」的空位确认已超时，名额已顺延给下一位`,
      link: `pages/activity/index?id=${activity._id}`,
      dedupeKey: `offer-expired-${signup._id}-${now.getTime()}`,
    });
    await passSeatOn(activity, signup._id, now);
  }
  return { expired };
}

/**
 * Timer: offers seats left free while people wait on upcoming activities — a seat released in
 * the instant between a newcomer's failed claim and her joining the line finds nobody waiting
 * and goes back to free; this hands it to the head of the line within a minute.
 */
export async function offerSeatsToWaiting(now: Date): Promise<{ offered: number }> {
  const _ = database().command;
  const { data } = await activities()
    .where({ waitlistCount: _.gt(0), startAt: _.gt(now), status: 'published' })
    .limit(200)
    .get();
  let offered = 0;
  for (const activity of data as ActivityDoc[]) offered += await offerFreeSeats(activity, now);
  return { offered };
}

/** Offers free seats (after the capacity grew, or left free by a race) to the people waiting, in order. */
export async function offerFreeSeats(activity: ActivityDoc, now: Date): Promise<number> {
  let offered = 0;
  for (;;) {
    const next = await firstWaiting(activity._id);
    if (!next) return offered;
    const seat = (await seats().where({ activityId: activity._id, state: 'free' }).updateAndReturn({ state: 'offered', signupId: next._id, attemptId: null })) as { updated: number };
    if (seat.updated !== 1) return offered;
    const won = await signups()
      .where({ _id: next._id, status: 'waitlisted' })
      .update({ status: 'offered', offerExpiresAt: new Date(now.getTime() + activity.offerWindowHours * HOUR), updatedAt: now });
    if (won.updated !== 1) {
      await seats().where({ signupId: next._id, state: 'offered' }).update({ state: 'free', signupId: null });
      continue;
    }
    offered += 1;
    const _ = database().command;
    await activities().doc(activity._id).update({ waitlistCount: _.inc(-1), offeredCount: _.inc(1) });
    await notifyOffer(activity, next, now);
  }
}
