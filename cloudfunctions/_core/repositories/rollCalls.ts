/**
 * Roll-calls and their answers. A roll-call is one document; everyone it called has one answer
 * document (id derived from roll-call and user), written when she is called and changed when she
 * answers — so "who was called" is a lookup by id, and the tally is counts on an index.
 */
import type { RollCallAnswer, RollCallStatus } from '../../../src/shared/schemas/volunteers';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { allMatching } from './allMatching';
import { Collections } from './collections';
import { pageAfter } from './idPages';
import { newestFirstPage, type NewestFirstPage } from './newestFirstPage';

export interface RollCallDoc {
  _id: string;
  communityId: string;
  title: string;
  description: string;
  skills: string[];
  gridArea: string | null;
  meetingPlace: string;
  meetAt: Date;
  needed: number;
  status: RollCallStatus;
  notified: number;
  /** More volunteers matched than were notified (the recipient cap). */
  capped: boolean;
  createdBy: string;
  createdAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
}

export interface RollCallAnswerDoc {
  _id: string;
  rollCallId: string;
  communityId: string;
  userId: string;
  answer: RollCallAnswer;
  etaMinutes: number | null;
  answeredAt: Date | null;
  notifiedAt: Date;
  /** Set on every answer when the roll-call closes; an answer is recorded only while it is not. */
  closed?: boolean;
}

export const rollCalls = () => database().collection(Collections.rollCalls);
export const rollCallAnswers = () => database().collection(Collections.rollCallAnswers);

/** The id of one volunteer's answer to one roll-call. */
export function answerIdOf(rollCallId: string, userId: string): string {
  return `ra${digest('rollcall-answer', rollCallId, userId).slice(0, 30)}`;
}

export async function findRollCall(id: string): Promise<RollCallDoc | null> {
  const { data } = await rollCalls().doc(id).get();
  return (data[0] as RollCallDoc | undefined) ?? null;
}

export async function findAnswer(rollCallId: string, userId: string): Promise<RollCallAnswerDoc | null> {
  const { data } = await rollCallAnswers().doc(answerIdOf(rollCallId, userId)).get();
  return (data[0] as RollCallAnswerDoc | undefined) ?? null;
}

const isDuplicate = (error: unknown) => /DUPLICATE/i.test(String((error as { code?: unknown }).code));

/**
 * Writes the answer documents of everyone called, 500 per insert. A retry after a crash finds
 * some already there: that batch is written one by one, skipping those.
 */
export async function insertAnswers(docs: RollCallAnswerDoc[]): Promise<void> {
  for (let start = 0; start < docs.length; start += 500) {
    const batch = docs.slice(start, start + 500);
    try {
      await rollCallAnswers().add(batch);
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      for (const doc of batch) {
        await rollCallAnswers()
          .add(doc)
          .catch((each: unknown) => {
            if (!isDuplicate(each)) throw each;
          });
      }
    }
  }
}

/**
 * Records an answer unless the roll-call has closed its answers; false when it has. The check
 * and the write are one conditional update of the answer itself: a transaction that read the
 * roll-call's status would not see a close committed after its snapshot (CloudBase transactions
 * conflict on writes only), so it could record an answer after the close.
 */
export async function recordAnswer(answerId: string, changes: Pick<RollCallAnswerDoc, 'answer' | 'etaMinutes' | 'answeredAt'>): Promise<boolean> {
  const _ = database().command;
  // updateAndReturn counts the match even if the answer was already this one.
  const { updated } = (await rollCallAnswers().where({ _id: answerId, closed: _.neq(true) }).updateAndReturn(changes)) as { updated: number };
  return updated === 1;
}

/** Closes a roll-call's answers to changes (after its status is closed). */
export async function closeAnswers(rollCallId: string): Promise<void> {
  await rollCallAnswers().where({ rollCallId }).update({ closed: true });
}

/** How many answered 'coming' and 'cannot' (the rest of those notified have not answered yet). */
export async function answerCounts(rollCallId: string): Promise<{ coming: number; cannot: number }> {
  const [coming, cannot] = await Promise.all([
    rollCallAnswers().where({ rollCallId, answer: 'coming' }).count(),
    rollCallAnswers().where({ rollCallId, answer: 'cannot' }).count(),
  ]);
  return { coming: coming.total ?? 0, cannot: cannot.total ?? 0 };
}

/** Everyone who said they are coming. */
export async function comingAnswers(rollCallId: string): Promise<RollCallAnswerDoc[]> {
  return allMatching<RollCallAnswerDoc>(Collections.rollCallAnswers, { rollCallId, answer: 'coming' });
}

/** Roll-calls by id (a page of a volunteer's list). */
export async function rollCallsByIds(ids: string[]): Promise<Map<string, RollCallDoc>> {
  if (ids.length === 0) return new Map();
  const _ = database().command;
  const { data } = await rollCalls().where({ _id: _.in(ids) }).limit(100).get();
  return new Map((data as RollCallDoc[]).map((doc) => [doc._id, doc]));
}

/** Writes a new roll-call (after its answers: a roll-call never shows a tally its answers do not back). */
export async function putRollCall(doc: RollCallDoc): Promise<void> {
  const { _id, ...fields } = doc;
  await rollCalls().doc(_id).set(fields);
}

/** Closes a roll-call still open; false when someone closed it first. */
export async function closeRollCallOnce(rollCallId: string, changes: Pick<RollCallDoc, 'status' | 'closedAt' | 'closedBy'>): Promise<boolean> {
  const { updated } = await rollCalls().where({ _id: rollCallId, status: 'open' }).update(changes);
  return updated === 1;
}

/** A page of a community's roll-calls, newest first. */
export async function rollCallsOfCommunity(communityId: string, offset: number, limit: number): Promise<NewestFirstPage<RollCallDoc>> {
  return newestFirstPage<RollCallDoc>(Collections.rollCalls, { communityId }, 'createdAt', offset, limit);
}

/** A page of the roll-calls one person was called to (her answers), newest call first. */
export async function answersOfUser(userId: string, offset: number, limit: number): Promise<NewestFirstPage<RollCallAnswerDoc>> {
  return newestFirstPage<RollCallAnswerDoc>(Collections.rollCallAnswers, { userId }, 'notifiedAt', offset, limit);
}

/** The next answers of a roll-call by id after a cursor (the notice job's slice). */
export async function answersAfter(rollCallId: string, after: string | null, limit: number): Promise<RollCallAnswerDoc[]> {
  return pageAfter<RollCallAnswerDoc>(Collections.rollCallAnswers, { rollCallId }, after, limit);
}
