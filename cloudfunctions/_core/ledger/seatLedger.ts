/**
 * Seats of an activity are documents: a seat is free, held by a confirmed sign-up, or offered
 * to a waitlisted one. Every move is one conditional single-document update, so two people can
 * never hold one seat and confirmed sign-ups can never exceed the capacity, whatever the
 * concurrency. A freed seat goes straight to the first in the waitlist (never back to the
 * crowd), which keeps the waitlist first-in first-out. Counters on the activity are for display.
 */
import { notifySignedUp } from '../ports/notify';
import { activities, findActivity, type ActivityDoc } from '../repositories/activities';
import { seats, type SeatDoc } from '../repositories/seats';
import { findSignup, firstWaiting, signups, type SignupDoc, type SignupTold } from '../repositories/signups';
import { database } from '../runtime/cloudbase';
import { Coalescer } from '../runtime/coalesce';

const HOUR = 3600_000;

/** Tells a waiting resident a seat is hers to confirm within the window. */
async function notifyOffer(activity: ActivityDoc, signup: SignupDoc, now: Date): Promise<void> {
  await notifySignedUp(
    {
      userId: signup.userId,
      kind: 'seat_offer',
      params: { activity: activity.title, hours: activity.offerWindowHours },
      link: `pages/activity/index?id=${activity._id}`,
      dedupeKey: `offer-${signup._id}-${now.getTime()}`,
    },
    signup.proxy,
  );
}

/**
 * Timer: a last reminder an hour before an offer lapses unconfirmed, once per offer (the offer's
 * deadline is remembered on the sign-up), to her and her proxy. Offers whose whole window is an
 * hour or less get none: their first message said as much.
 */
export async function remindExpiringOffers(now: Date): Promise<{ offerReminders: number }> {
  const _ = database().command;
  const { data } = await signups()
    .where({ status: 'offered', offerExpiresAt: _.gt(now).and(_.lte(new Date(now.getTime() + HOUR))) })
    .limit(200)
    .get();
  let sent = 0;
  for (const signup of data as SignupDoc[]) {
    const deadline = signup.offerExpiresAt;
    if (!deadline || signup.offerRemindedFor?.getTime() === deadline.getTime()) continue;
    const activity = await findActivity(signup.activityId);
    if (!activity || activity.offerWindowHours <= 1) continue;
    // Claimed first, so two timer runs at once remind once.
    const claimed = await signups().where({ _id: signup._id, status: 'offered', offerExpiresAt: deadline, offerRemindedFor: _.neq(deadline) }).update({ offerRemindedFor: deadline });
    if (claimed.updated !== 1) continue;
    await notifySignedUp(
      {
        userId: signup.userId,
        kind: 'reminder_offer',
        params: { activity: activity.title, deadline: deadline.toISOString() },
        link: `pages/activity/index?id=${activity._id}`,
        dedupeKey: `offer-last-${signup._id}-${deadline.getTime()}`,
      },
      signup.proxy,
    );
    sent += 1;
  }
  return { offerReminders: sent };
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
export async function adoptSeat(signupId: string, deadAttemptId: string | null, attemptId: string): Promise<SeatDoc | null> {
  // A seat claimed before attempts were recorded has none (null also matches a missing field).
  const adopted = (await seats().where({ signupId, state: 'held', attemptId: deadAttemptId }).updateAndReturn({ attemptId })) as { doc?: SeatDoc | null };
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
export async function joinWaitlist(activityId: string, signupId: string, attemptId: string, now: Date, toldAt?: (position: number) => SignupTold | null): Promise<WaitlistPlace | null> {
  const place = await takeWaitlistPlace(activityId, signupId);
  // `toldAt`: the resident's notice of her place, written with it (SignupDoc.told).
  const told = toldAt ? { told: toldAt(place.position) } : {};
  const queued = await signups()
    .where({ _id: signupId, status: 'claiming', 'attempt.id': attemptId })
    .update({ status: 'waitlisted', waitSeq: place.waitSeq, attempt: null, updatedAt: now, ...told });
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
 * order (a crowd on a full activity costs a few trips instead of one each). A draw `whileOpen`
 * (key `open:<activityId>`) matches only while the activity takes sign-ups — published, not
 * ended, sign-up not closed — so a caller that decided on a read a moment old (authz/activities.ts's
 * recent reads) never queues for an activity closed or cancelled since: it draws nothing.
 */
const placeDraws = new Coalescer<string, WaitlistPlace | null>(async (key, signupIds) => {
  const _ = database().command;
  const k = signupIds.length;
  const whileOpen = key.startsWith(OPEN_PREFIX);
  const activityId = whileOpen ? key.slice(OPEN_PREFIX.length) : key;
  const now = new Date();
  const where = whileOpen ? { _id: activityId, status: 'published', endAt: _.gt(now), signupCloseAt: _.gt(now), signupOpenAt: _.lte(now) } : { _id: activityId };
  const bumped = (await activities().where(where).updateAndReturn({ waitSeqNext: _.inc(k), waitlistCount: _.inc(k) })) as {
    doc: ActivityDoc | null;
  };
  if (!bumped.doc) {
    if (whileOpen) return signupIds.map(() => null);
    throw new Error(`activity ${activityId} vanished while ${signupIds.join(', ')} joined its waitlist`);
  }
  const after = bumped.doc;
  // Everyone the counter counted before a number joined before it.
  return signupIds.map((_id, i) => {
    const waitSeq = after.waitSeqNext - k + 1 + i;
    return { waitSeq, activity: after, position: Math.max(1, Math.min(after.waitlistCount - k + 1 + i, waitSeq)) };
  });
});

const OPEN_PREFIX = 'open:';

/** Draws the next number of the line (the activity's counters move in one update). */
export async function takeWaitlistPlace(activityId: string, signupId: string): Promise<WaitlistPlace> {
  const place = await placeDraws.submit(activityId, signupId);
  if (!place) throw new Error(`activity ${activityId}: an unconditional draw matched nothing`);
  return place;
}

/** Draws the next number of the line only while the activity takes sign-ups; null when it does not. */
export function takeWaitlistPlaceWhileOpen(activityId: string, signupId: string): Promise<WaitlistPlace | null> {
  return placeDraws.submit(`${OPEN_PREFIX}${activityId}`, signupId);
}

/** Gives back a place drawn for a sign-up that turned out not to be new. */
export async function returnWaitlistPlace(activityId: string): Promise<void> {
  await activities().doc(activityId).update({ waitlistCount: database().command.inc(-1) });
}

/**
 * The seat a sign-up holds or is offered: by the id it recorded (a seat is always moved by its
 * own id, so a sign-up that was cancelled and signed up again can never be confused with its
 * earlier self), or, for a sign-up written before seat ids were recorded, by its id.
 */
async function seatIdOf(signup: SignupDoc): Promise<string | null> {
  if (signup.seatId) return signup.seatId;
  const { data } = await seats().where({ signupId: signup._id, state: database().command.in(['held', 'offered']) }).limit(1).get();
  return (data[0] as SeatDoc | undefined)?._id ?? null;
}

/**
 * Passes the seat `from` held or was offered to the next person waiting (an offer with a confirm
 * window), or frees it when nobody waits. Every move is conditional on the seat still being
 * `from`'s, so a retried or concurrent release moves it once.
 */
export async function passSeatOn(activity: ActivityDoc, from: SignupDoc, now: Date): Promise<SignupDoc | null> {
  const _ = database().command;
  const seatId = await seatIdOf(from);
  if (!seatId) return null;
  const mine = { _id: seatId, signupId: from._id };
  for (;;) {
    const next = await firstWaiting(activity._id);
    if (!next) {
      await seats().where(mine).update({ state: 'free', signupId: null, attemptId: null });
      return null;
    }
    const offerExpiresAt = new Date(now.getTime() + activity.offerWindowHours * HOUR);
    // Conditional: a concurrent release may have offered this person a seat already.
    const won = await signups().where({ _id: next._id, status: 'waitlisted' }).update({ status: 'offered', seatId, offerExpiresAt, updatedAt: now });
    if (won.updated !== 1) continue;
    // Find-and-modify counts the match (CloudBase and the emulator alike): the seat may already read
    // exactly so when the person offered it is the one it came from — an offer that expired while
    // she signed up again and came first in line — and that is a move, not a lost race.
    const moved = (await seats().where(mine).updateAndReturn({ state: 'offered', signupId: next._id, attemptId: null })) as { updated: number };
    if (moved.updated !== 1) {
      // The seat was already passed on (a retried release): put the person back in line.
      await signups().where({ _id: next._id, status: 'offered', seatId }).update({ status: 'waitlisted', seatId: null, offerExpiresAt: null, updatedAt: now });
      return null;
    }
    // She may have accepted in the instant between the two writes above: her sign-up read
    // 'offered' while the seat was not yet hers, so acceptOffer's seat update matched nothing.
    // The seat follows her acceptance (found by the seat model test, seed 1530902794; either order
    // of the two lands on a held seat: acceptOffer after the move finds it offered to her).
    const after = await findSignup(next._id);
    if (after?.status === 'confirmed' && after.seatId === seatId) await seats().where({ _id: seatId, signupId: next._id, state: 'offered' }).update({ state: 'held' });
    await activities().doc(activity._id).update({ waitlistCount: _.inc(-1), offeredCount: _.inc(1) });
    await notifyOffer(activity, next, now);
    return { ...next, status: 'offered', seatId, offerExpiresAt, updatedAt: now };
  }
}

/** Accepts an offered seat before it expires. */
export async function acceptOffer(signup: SignupDoc, now: Date): Promise<boolean> {
  const _ = database().command;
  const accepted = await signups().where({ _id: signup._id, status: 'offered', offerExpiresAt: _.gt(now) }).update({ status: 'confirmed', offerExpiresAt: null, updatedAt: now });
  if (accepted.updated !== 1) return false;
  const seatId = await seatIdOf(signup);
  if (seatId) await seats().where({ _id: seatId, signupId: signup._id, state: 'offered' }).update({ state: 'held' });
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
    await notifySignedUp(
      {
        userId: signup.userId,
        kind: 'offer_expired',
        params: { activity: activity.title },
        link: `pages/activity/index?id=${activity._id}`,
        dedupeKey: `offer-expired-${signup._id}-${now.getTime()}`,
      },
      signup.proxy,
    );
    await passSeatOn(activity, signup, now);
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
    const seat = ((await seats().where({ activityId: activity._id, state: 'free' }).updateAndReturn({ state: 'offered', signupId: next._id, attemptId: null })) as { doc?: SeatDoc | null }).doc;
    if (!seat) return offered;
    const won = await signups()
      .where({ _id: next._id, status: 'waitlisted' })
      .update({ status: 'offered', seatId: seat._id, offerExpiresAt: new Date(now.getTime() + activity.offerWindowHours * HOUR), updatedAt: now });
    if (won.updated !== 1) {
      await seats().where({ _id: seat._id, signupId: next._id, state: 'offered' }).update({ state: 'free', signupId: null });
      continue;
    }
    offered += 1;
    const _ = database().command;
    await activities().doc(activity._id).update({ waitlistCount: _.inc(-1), offeredCount: _.inc(1) });
    await notifyOffer(activity, next, now);
  }
}
