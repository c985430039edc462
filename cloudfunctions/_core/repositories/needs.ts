/**
 * Needs (collection `needs`): typed reads and the
 * conditional writes that move a need between states. Every move is written on the condition
 * that the need is still in a state the move may leave (src/shared/policies/needs.ts
 * NEED_TRANSITIONS), so of two racing moves exactly one updates the document.
 */
import type { NeedCategory, NeedState } from '../../../src/shared/schemas/needs';
import { NEED_TRANSITIONS, type NeedMove } from '../../../src/shared/policies/needs';
import { database } from '../runtime/cloudbase';
import type { Transaction } from '../runtime/transactions';
import { Collections } from './collections';
import { orderedPage, type NewestFirstPage } from './newestFirstPage';

/** One helper of a done need: the minutes she served, as her hour record will say. */
export interface NeedHelperDoc {
  userId: string;
  name: string;
  volunteerNo: string;
  minutes: number;
}

export interface NeedClaimDoc {
  kind: 'group' | 'volunteer';
  /** The group's id, or the volunteer's user id. */
  id: string;
  name: string;
  /** Who claimed (the volunteer, or the leader who claimed for the group). */
  by: string;
}

/** The neighbour a need is addressed to: asked from her time-bank offer (请TA帮忙). */
export interface NeedAddressDoc {
  userId: string;
  offerId: string;
  /** Her nickname when she was asked, as the need shows it ("指定：…"). */
  name: string;
}

export interface NeedDoc {
  _id: string;
  communityId: string;
  streetId: string;
  countyId: string;
  /** The resident the need is for. */
  userId: string;
  /** Who posted it: the resident, or a proxy or staff member for her. */
  postedBy: string;
  what: string;
  category: NeedCategory;
  whenFrom: string;
  whenTo: string;
  /** The end of the need's last day (China time): past it, an unfinished need expires. */
  dueAt: Date;
  /** Sealed (privacy/personalData.ts): never stored in plain text. */
  placeSealed: string;
  phoneSealed: string;
  location: { latitude: number; longitude: number } | null;
  state: NeedState;
  /** Board order: open first, then in progress, then fulfilled, then ended (boardRankOf). */
  boardRank: number;
  claim: NeedClaimDoc | null;
  /**
   * Addressed to one neighbour (off the public board, only she may take it on) until she
   * declines, when it is set to null and the need is an ordinary open one. Always written (null
   * when not addressed) so the board can ask for `addressedTo: null`.
   */
  addressedTo: NeedAddressDoc | null;
  claimedAt: Date | null;
  acceptedAt: Date | null;
  doneAt: Date | null;
  doneBy: string | null;
  photo: string | null;
  photoVerdict: 'pending' | 'pass' | 'risky' | null;
  helpers: NeedHelperDoc[];
  rating: number | null;
  thanks: string | null;
  /** When the need left for good (thanked, closed, withdrawn, expired). */
  endedAt: Date | null;
  /** When the committee was told it is still unclaimed (once). */
  surfacedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The board's order of a state: what still needs someone comes first. */
export function boardRankOf(state: NeedState): number {
  return { open: 0, claimed: 1, accepted: 1, done: 2, thanked: 2, closed: 2, withdrawn: 3, expired: 3 }[state];
}

const needs = () => database().collection(Collections.needs);

/** Stores a new need. */
export async function addNeed(doc: NeedDoc): Promise<void> {
  await needs().add(doc);
}

/** A need by id, or null; read inside `tx` when given. */
export async function findNeed(needId: string, tx?: Transaction): Promise<NeedDoc | null> {
  // Inside a transaction node-sdk answers one document as `data` (an object or null), outside as a list.
  if (tx) return ((await tx.collection(Collections.needs).doc(needId).get()) as { data: NeedDoc | null }).data;
  const { data } = await needs().doc(needId).get();
  return (data[0] as NeedDoc | undefined) ?? null;
}

/** What a move writes beside the state (the state, its board rank and updatedAt are set here). */
export type NeedChanges = Partial<Omit<NeedDoc, '_id' | 'state' | 'boardRank' | 'updatedAt'>>;

/**
 * Moves a need if it is still in a state the move may leave: one conditional update, so of two
 * racing moves only one changes the document. True when this call moved it.
 */
export async function moveNeed(needId: string, move: NeedMove, changes: NeedChanges, now: Date): Promise<boolean> {
  const { from, to } = NEED_TRANSITIONS[move];
  const _ = database().command;
  const { updated } = await needs()
    .where({ _id: needId, state: _.in([...from]) })
    .update({ ...changes, state: to, boardRank: boardRankOf(to), updatedAt: now });
  return updated === 1;
}

/** The same move inside a transaction, on a need already read in it (the caller checked its state). */
export async function moveNeedIn(tx: Transaction, needId: string, move: NeedMove, changes: NeedChanges, now: Date): Promise<void> {
  const to = NEED_TRANSITIONS[move].to;
  await tx.collection(Collections.needs).doc(needId).update({ ...changes, state: to, boardRank: boardRankOf(to), updatedAt: now });
}

/**
 * The neighbour an open need was addressed to declines it: it goes to the public board. One
 * conditional update (still open, still addressed to her), so a decline racing a claim, a
 * withdrawal or a second decline changes the need at most once. True when this call released it.
 */
export async function releaseAddressedNeed(needId: string, addresseeId: string, now: Date): Promise<boolean> {
  const { updated } = await needs().where({ _id: needId, state: 'open', 'addressedTo.userId': addresseeId }).update({ addressedTo: null, updatedAt: now });
  return updated === 1;
}

/** Records the image check's verdict of a need's photo. */
export async function setPhotoVerdict(needId: string, verdict: NeedDoc['photoVerdict']): Promise<void> {
  await needs().doc(needId).update({ photoVerdict: verdict });
}

/** Marks a need as told to the committee; false when it was told already (the timer ran twice). */
export async function markSurfaced(needId: string, now: Date): Promise<boolean> {
  const { updated } = await needs().where({ _id: needId, state: 'open', surfacedAt: null }).update({ surfacedAt: now });
  return updated === 1;
}

/** The community's board: open needs first, then newest; ended needs only when asked for by state. */
export async function boardPage(communityId: string, filter: { category?: NeedCategory; state?: NeedState }, offset: number, limit: number): Promise<NewestFirstPage<NeedDoc>> {
  const _ = database().command;
  // A need addressed to one neighbour is hers to answer, not the board's (until she declines it).
  const where: Record<string, unknown> = { communityId, addressedTo: null, ...(filter.category ? { category: filter.category } : {}) };
  // Withdrawn and expired needs leave the board (rank 3) unless the filter names their state.
  where.boardRank = filter.state ? boardRankOf(filter.state) : _.lt(3);
  if (filter.state) where.state = filter.state;
  return orderedPage<NeedDoc>(Collections.needs, where, [['boardRank', 'asc'], ['createdAt', 'desc'], ['_id', 'asc']], offset, limit);
}

/** Needs of these residents, taken on by these claimers (user or group ids), or addressed to `addresseeId`, newest first. */
export async function needsOfPeople(residentIds: string[], claimerIds: string[], offset: number, limit: number, addresseeId?: string): Promise<NewestFirstPage<NeedDoc>> {
  const _ = database().command;
  const where = _.or([
    { userId: _.in(residentIds) },
    ...(claimerIds.length > 0 ? [{ 'claim.id': _.in(claimerIds) }] : []),
    ...(addresseeId ? [{ 'addressedTo.userId': addresseeId }] : []),
  ]);
  return orderedPage<NeedDoc>(Collections.needs, where, [['createdAt', 'desc'], ['_id', 'asc']], offset, limit);
}

/** A community's needs still in play (open, claimed or accepted), oldest first; a community has tens, not thousands. */
export async function liveNeedsOf(communityId: string): Promise<NeedDoc[]> {
  const _ = database().command;
  const { data } = await needs()
    .where({ communityId, state: _.in(['open', 'claimed', 'accepted']) })
    .orderBy('createdAt', 'asc')
    .limit(1000)
    .get();
  return data as NeedDoc[];
}

/** Needs in these states whose last day ended before `before` (for the timer to expire), a batch at a time. */
export async function needsPastDue(states: NeedState[], before: Date, limit: number): Promise<NeedDoc[]> {
  const _ = database().command;
  const { data } = await needs()
    .where({ state: _.in(states), dueAt: _.lt(before) })
    .limit(limit)
    .get();
  return data as NeedDoc[];
}

/** Open needs posted before `before` that the committee has not been told of yet. */
export async function unclaimedUntold(before: Date, limit: number): Promise<NeedDoc[]> {
  const _ = database().command;
  const { data } = await needs().where({ state: 'open', surfacedAt: null, createdAt: _.lt(before) }).limit(limit).get();
  return data as NeedDoc[];
}

/** Done needs the resident has not answered since before `before` (for the timer to close). */
export async function doneUnanswered(before: Date, limit: number): Promise<NeedDoc[]> {
  const _ = database().command;
  const { data } = await needs().where({ state: 'done', doneAt: _.lt(before) }).limit(limit).get();
  return data as NeedDoc[];
}
