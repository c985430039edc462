/**
 * The seats collection: SeatDoc, created up front as an activity's capacity is set, the free ones
 * removed from the top as it shrinks, read and repaired by a reconcile. The seat ledger
 * (ledger/seatLedger.ts) takes and frees them on the sign-up hot path.
 */
import { database } from '../runtime/cloudbase';
import { allMatching } from './allMatching';
import { Collections } from './collections';

export interface SeatDoc {
  _id: string;
  activityId: string;
  seatNo: number;
  /** free; held by a confirmed sign-up; offered to a waitlisted one. */
  state: 'free' | 'held' | 'offered';
  signupId: string | null;
  /** The claim attempt that took this seat (see `SignupDoc.attempt`); a losing attempt frees only its own. */
  attemptId?: string | null;
}

export const seats = () => database().collection(Collections.seats);

/** Creates the seat documents `from`..`to`-1 of an activity (idempotent: seat ids derive from the activity). */
export async function createSeats(activityId: string, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += 500) {
    const batch = Array.from({ length: Math.min(500, to - start) }, (_, i) => ({
      _id: `${activityId}-seat-${start + i}`,
      activityId,
      seatNo: start + i,
      state: 'free',
      signupId: null,
    }));
    try {
      await seats().add(batch);
    } catch (error) {
      // A retry after a crash finds the batch already written.
      if (!/DUPLICATE/i.test(String((error as { code?: unknown }).code))) throw error;
    }
  }
}

/** How many of an activity's seats are held or offered. */
export async function countTakenSeats(activityId: string): Promise<number> {
  const { total } = await seats().where({ activityId, state: database().command.neq('free') }).count();
  return total;
}

/** Removes up to `wanted` free seats from the top; answers how many went (a seat taken meanwhile stays). */
export async function removeFreeSeatsFromTop(activityId: string, wanted: number): Promise<number> {
  const { data } = await seats().where({ activityId, state: 'free' }).orderBy('seatNo', 'desc').limit(wanted).get();
  let removed = 0;
  for (const seat of data as Array<{ _id: string }>) removed += ((await seats().where({ _id: seat._id, state: 'free' }).remove()) as { deleted: number }).deleted;
  return removed;
}

/** Every seat of an activity, in seat order. */
export async function seatsOf(activityId: string): Promise<SeatDoc[]> {
  return allMatching<SeatDoc>(Collections.seats, { activityId }, { field: 'seatNo', direction: 'asc' });
}

/** Frees a seat still as read (state and holder); false when it changed meanwhile. */
export async function freeSeatIfUnchanged(seat: Pick<SeatDoc, '_id' | 'state' | 'signupId'>): Promise<boolean> {
  return (await seats().where({ _id: seat._id, state: seat.state, signupId: seat.signupId }).update({ state: 'free', signupId: null, attemptId: null })).updated === 1;
}

/** Gives a free seat of the activity to a sign-up; the seat, or null when none is free. */
export async function takeFreeSeat(activityId: string, state: 'held' | 'offered', signupId: string): Promise<SeatDoc | null> {
  const taken = (await seats().where({ activityId, state: 'free' }).updateAndReturn({ state, signupId, attemptId: null })) as { doc?: SeatDoc | null };
  return taken.doc ?? null;
}
