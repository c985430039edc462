/**
 * Roll-call answers against a close, under CloudBase's transaction semantics: a transaction
 * that read the roll-call as open may commit after the close (only written documents conflict),
 * so the answer itself carries the close and is written by one conditional update.
 */
import { Collections } from '../../cloudfunctions/_core/repositories/collections';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { answerIdOf, closeAnswers, insertAnswers, recordAnswer, rollCallAnswers, rollCalls } from '../../cloudfunctions/_core/repositories/rollCalls';
import { startCloudForCore } from '../support/coreAgainstCloud';

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
beforeAll(async () => {
  cloud = await startCloudForCore();
});
afterAll(async () => cloud.close());

const notifiedAt = new Date('2026-05-01T08:00:00Z');
const answer = (rollCallId: string, userId: string) => ({
  _id: answerIdOf(rollCallId, userId),
  rollCallId,
  communityId: 'cm-beiyuan',
  userId,
  answer: 'none' as never,
  etaMinutes: null,
  answeredAt: null,
  notifiedAt,
});

test('an answer is recorded (again, too) until the answers are closed; then it is refused and nothing changes', async () => {
  await insertAnswers([answer('rc-1', 'u1'), answer('rc-1', 'u2'), answer('rc-2', 'u1')]);
  const at = new Date('2026-05-01T08:05:00Z');
  expect(await recordAnswer(answerIdOf('rc-1', 'u1'), { answer: 'coming', etaMinutes: 10, answeredAt: at })).toBe(true);
  // The same answer twice still counts as recorded (find-and-modify counts the match).
  expect(await recordAnswer(answerIdOf('rc-1', 'u1'), { answer: 'coming', etaMinutes: 10, answeredAt: at })).toBe(true);
  await closeAnswers('rc-1');
  expect(await recordAnswer(answerIdOf('rc-1', 'u2'), { answer: 'coming', etaMinutes: 5, answeredAt: at })).toBe(false);
  expect(await recordAnswer(answerIdOf('rc-2', 'u1'), { answer: 'cannot', etaMinutes: null, answeredAt: at })).toBe(true);
  const { data } = await rollCallAnswers().doc(answerIdOf('rc-1', 'u2')).get();
  expect(data[0]).toMatchObject({ answer: 'none', answeredAt: null, closed: true });
});

test('why not a transaction: one that read the roll-call as open commits its answer after the close committed', async () => {
  await rollCalls().add({ _id: 'rc-3', status: 'open' });
  await insertAnswers([answer('rc-3', 'u1')]);
  const tx = await database().startTransaction();
  const read = (await tx.collection(Collections.rollCalls).doc('rc-3').get()) as { data: { status: string } };
  expect(read.data.status).toBe('open');
  await rollCalls().doc('rc-3').update({ status: 'closed' });
  await tx.collection(Collections.rollCallAnswers).doc(answerIdOf('rc-3', 'u1')).update({ answer: 'coming' });
  await tx.commit();
  expect((await rollCallAnswers().doc(answerIdOf('rc-3', 'u1')).get()).data[0]).toMatchObject({ answer: 'coming' });
});
