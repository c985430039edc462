/**
 * activities.reconcile: checks an activity's seats and display counters against its sign-ups, and with `fix` heals
 * what drifted (data written by a faulty path or a crash between two steps). The sign-ups are
 * the truth: a held seat belongs to a confirmed sign-up or a no-show, an offered seat to an
 * offered one, one seat each; the counters count them. Idempotent: a second run finds nothing.
 * Meant for a quiet activity: counters are set absolutely, so a sign-up landing mid-repair
 * can leave a drift the next run reports.
 */
import { activityPolicies } from '../../../../src/shared/policies/activities';
import type { Actor } from '../../authz/actor';
import { loadVisibleActivity } from '../../authz/activities';
import { authorize } from '../../authz/authorize';
import { offerFreeSeats } from '../../ledger/seatLedger';
import { setCounters, type ActivityDoc } from '../../repositories/activities';
import { recordAudit } from '../../repositories/auditLog';
import { freeSeatIfUnchanged, seatsOf, takeFreeSeat, type SeatDoc } from '../../repositories/seats';
import { allSignupsOf, CLAIM_LEASE_MS, setSignupSeat, type SignupDoc } from '../../repositories/signups';

interface Problem {
  kind: string;
  detail: string;
  fixed: boolean;
}

const HOLDS: ReadonlyArray<SignupDoc['status']> = ['confirmed', 'no_show'];

/** What the documents say the counters should be. */
function countersOf(list: SignupDoc[]) {
  return {
    confirmed: list.filter((s) => HOLDS.includes(s.status)).length,
    offered: list.filter((s) => s.status === 'offered').length,
    waitlist: list.filter((s) => s.status === 'waitlisted').length,
  };
}

/** Checks (and with `fix` heals) one activity's seats and counters; staff and organisers only. */
export async function reconcileActivity(actor: Actor, activityId: string, fix: boolean, requestKey: string, now: Date) {
  const { activity, resource } = await loadVisibleActivity(actor, activityId, false);
  authorize(activityPolicies, 'activities.reconcile', actor, resource);
  // One read of each: the seat fixes change seats only, and the free count is kept as they go.
  const [seatList, list] = await Promise.all([seatsOf(activityId), allSignupsOf(activityId)]);
  const { problems, free } = await seatProblems(activity, seatList, list, fix, now);
  const stored = { confirmed: activity.confirmedCount, offered: activity.offeredCount ?? 0, waitlist: activity.waitlistCount };
  const actual = countersOf(list);
  for (const key of ['confirmed', 'offered', 'waitlist'] as const) {
    if (stored[key] !== actual[key]) problems.push({ kind: `counter_${key}`, detail: `计数 ${stored[key]}，实际 ${actual[key]}`, fixed: fix });
  }
  if (fix && problems.some((p) => p.kind.startsWith('counter_'))) {
    await setCounters(activityId, actual);
  }
  if (free > 0 && actual.waitlist > 0) {
    // A seat left free while people wait: the timer would offer it within a minute; a fix does it now.
    const offered = fix ? await offerFreeSeats(activity, now) : 0;
    problems.push({ kind: 'free_while_waiting', detail: `${free} 个空位，${actual.waitlist} 人候补`, fixed: fix && offered > 0 });
  }
  if (fix && problems.length > 0) {
    await recordAudit(
      { actorId: actor.userId, action: 'activities.reconcile', targetType: 'activity', targetId: activityId, regionId: activity.communityId ?? activity.streetId, reason: null, details: { problems: problems.map((p) => p.kind) } },
      requestKey,
      now,
    );
  }
  return { activityId, counters: { stored, actual }, capacity: activity.capacity, seats: seatList.length, problems, fixed: fix && problems.length > 0 };
}

/** Seats that do not match the sign-ups: wrong holders, two seats for one sign-up, none for a confirmed one, a count off the capacity. */
async function seatProblems(activity: ActivityDoc, seatList: SeatDoc[], list: SignupDoc[], fix: boolean, now: Date): Promise<{ problems: Problem[]; free: number }> {
  const problems: Problem[] = [];
  let free = seatList.filter((s) => s.state === 'free').length;
  const byId = new Map(list.map((s) => [s._id, s]));
  const seen = new Set<string>();
  for (const seat of seatList.filter((s) => s.state !== 'free')) {
    const holder = seat.signupId ? byId.get(seat.signupId) : undefined;
    const rightState = holder && (seat.state === 'held' ? HOLDS.includes(holder.status) : holder.status === 'offered');
    const twice = holder && seen.has(holder._id);
    if (holder) seen.add(holder._id);
    if (rightState && !twice) continue;
    const detail = `座位 ${seat.seatNo}（${seat.state}）属于 ${holder ? `状态为 ${holder.status} 的报名` : '不存在的报名'}${twice ? '，该报名已有一个座位' : ''}`;
    let fixed = false;
    if (fix) fixed = await freeSeatIfUnchanged(seat);
    if (fixed) free += 1;
    problems.push({ kind: twice ? 'second_seat' : 'orphan_seat', detail, fixed });
  }
  for (const signup of list.filter((s) => (HOLDS.includes(s.status) || s.status === 'offered') && !seen.has(s._id))) {
    const state = signup.status === 'offered' ? 'offered' : 'held';
    let fixed = false;
    if (fix) {
      const taken = await takeFreeSeat(activity._id, state, signup._id);
      fixed = Boolean(taken);
      if (fixed) free -= 1;
      if (taken) await setSignupSeat(signup._id, signup.status, taken._id);
    }
    problems.push({ kind: 'missing_seat', detail: `状态为 ${signup.status} 的报名没有座位${fix && !fixed ? '，且已无空位（超额）' : ''}`, fixed });
  }
  if (seatList.length !== activity.capacity) {
    problems.push({ kind: 'seat_count', detail: `名额 ${activity.capacity}，座位 ${seatList.length}`, fixed: false });
  }
  for (const signup of list.filter((s) => s.status === 'claiming')) {
    const at = signup.attempt?.at ?? signup.updatedAt;
    if (now.getTime() - at.getTime() >= CLAIM_LEASE_MS) {
      // Left to the person: her next tap takes the claim over and settles it.
      problems.push({ kind: 'stale_claim', detail: `报名 ${signup._id} 的处理中断于 ${at.toISOString()}`, fixed: false });
    }
  }
  const seqs = list.filter((s) => s.status === 'waitlisted').map((s) => s.waitSeq);
  if (new Set(seqs).size !== seqs.length) problems.push({ kind: 'waitlist_order', detail: '候补号有重复', fixed: false });
  return { problems, free };
}
