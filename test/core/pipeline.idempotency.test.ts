/**
 * Request idempotency in-process against the emulator: the request id is marked on the user
 * document by the write that counts the call, the result stored before the answer; retries
 * replay it, concurrent duplicates wait for it, a dead attempt's mark is taken over, a failed
 * attempt's mark is released, and marks past two days are pruned.
 */
import { accountActions } from '../../src/shared/api/account';
import { randomBytes } from 'node:crypto';
import { myAccount as presentOwnAccount } from '../../cloudfunctions/_core/commands/account/me';
import { createHandler } from '../../cloudfunctions/_core/pipeline/createHandler';
import { database } from '../../cloudfunctions/_core/runtime/cloudbase';
import { setLogSink } from '../../cloudfunctions/_core/runtime/log';
import { requestTicket } from '../../cloudfunctions/_core/pipeline/idempotency';
import { userIdOf, type UserDoc } from '../../cloudfunctions/_core/repositories/users';
import { digest, stableJson } from '../../cloudfunctions/_core/runtime/hash';
import { startCloudForCore } from '../support/coreAgainstCloud';

let cloud: Awaited<ReturnType<typeof startCloudForCore>>;
beforeAll(async () => {
  // The calls' log lines (one per call, the planned crash included) would only be noise here.
  setLogSink(() => undefined);
  process.env.LINLI_DATA_KEY = randomBytes(32).toString('base64');
  cloud = await startCloudForCore();
});
afterAll(async () => cloud.close());

let runs = 0;
let failNext = false;
let gate: Promise<void> | null = null;
/** `account` with a counting, blockable, failable profile update. */
const main = createHandler({
  fn: 'account',
  contract: accountActions,
  actions: {
    'account.me': async ({ actor }) => presentOwnAccount(actor),
    'account.updateProfile': async ({ actor, input }) => {
      runs += 1;
      if (gate) await gate;
      if (failNext) {
        failNext = false;
        throw new Error('disk on fire');
      }
      // The run's number in the reply tells runs apart.
      return presentOwnAccount({ ...actor, user: { ...actor.user, nickname: `${input.nickname ?? ''}${runs}` } });
    },
  },
});

type GetDoc = (this: { id: string | number }, ...args: unknown[]) => Promise<unknown>;

/**
 * Resolves once `count` reads of the stored result with key `key` have been answered. Only a call
 * that found its request id marked by another attempt reads it (and, with no result there yet,
 * waits and reads again), so this tells the test, without sleeping, that a duplicate is waiting.
 */
function answeredReadsOf(key: string, count: number): { reached: Promise<void>; restore(): void } {
  const proto = Object.getPrototypeOf(database().collection('idempotency').doc('probe')) as { get: GetDoc };
  const original = proto.get;
  let seen = 0;
  let reached!: () => void;
  const promise = new Promise<void>((resolve) => (reached = resolve));
  const spy = jest.spyOn(proto, 'get').mockImplementation(async function (this: { id: string | number }, ...args: unknown[]) {
    const reply = await original.apply(this, args);
    if (this.id === key && (seen += 1) >= count) reached();
    return reply;
  });
  return { reached: promise, restore: () => spy.mockRestore() };
}

const contextOf = (openid: string) => ({ request_id: `t-${Math.random()}`, environment: JSON.stringify({ TCB_ENV: 'local', WX_OPENID: openid, WX_CONTEXT_KEYS: 'WX_OPENID' }) });
const update = (openid: string, requestId: string, nickname: string) => main({ action: 'account.updateProfile', input: { nickname }, requestId }, contextOf(openid));
const userDoc = async (openid: string) => (await database().collection('users').doc(userIdOf(openid)).get()).data[0] as UserDoc;

test('concurrent duplicates run once and all get the first result; a later retry replays it', async () => {
  runs = 0;
  let open!: () => void;
  gate = new Promise((resolve) => (open = resolve));
  const reads = answeredReadsOf(requestTicket(userIdOf('idem-a'), 'account.updateProfile', 'request-1', '', new Date()).key, 2);
  const replies = [update('idem-a', 'request-1', '甲'), update('idem-a', 'request-1', '甲'), update('idem-a', 'request-1', '甲')];
  // The first attempt is held inside its command; it is let go only once its result has been
  // looked for twice and not found — by duplicates, which are waiting then (a condition, not a
  // guess at how long they take to get there).
  await reads.reached;
  reads.restore();
  open();
  gate = null;
  const results = await Promise.all(replies);
  expect(runs).toBe(1);
  expect(results[1]).toEqual(results[0]);
  expect(results[2]).toEqual(results[0]);
  expect(await update('idem-a', 'request-1', '甲')).toEqual(results[0]);
  expect(runs).toBe(1);
  expect(await update('idem-a', 'request-1', '乙')).toEqual({ ok: false, error: { code: 'IDEMPOTENCY_MISMATCH', message: '同一个请求编号被用于不同的操作', reason: 'request.request_id_reused' } });
});

test('a crash of the command frees the request id: the retry runs again', async () => {
  runs = 0;
  failNext = true;
  const crashed = await update('idem-b', 'request-2', '丙');
  expect(crashed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  const key = requestTicket(userIdOf('idem-b'), 'account.updateProfile', 'request-2', '', new Date()).mark.field.slice(4);
  expect((await userDoc('idem-b')).req?.[key]).toBeUndefined();
  expect(await update('idem-b', 'request-2', '丙')).toMatchObject({ ok: true, data: { account: { nickname: '丙2' } } });
});

test("a dead attempt's mark is taken over after 30 s; a live one is waited for", async () => {
  runs = 0;
  const userId = userIdOf('idem-c');
  await update('idem-c', 'request-warm', '丁');
  const inputHash = digest('input', stableJson({ nickname: '戊' }));
  const longAgo = new Date(Date.now() - 60_000);
  const dead = requestTicket(userId, 'account.updateProfile', 'request-3', inputHash, longAgo);
  // An attempt marked the request a minute ago and died before storing a result.
  await database().collection('users').doc(userId).update({ [dead.mark.field]: dead.mark.value });
  expect(await update('idem-c', 'request-3', '戊')).toMatchObject({ ok: true, data: { account: { nickname: '戊2' } } });
  expect(runs).toBe(2);
  // A fresh mark with no result yet: the retry waits and then replays what the attempt stored.
  const live = requestTicket(userId, 'account.updateProfile', 'request-4', inputHash, new Date());
  await database().collection('users').doc(userId).update({ [live.mark.field]: live.mark.value });
  const reads = answeredReadsOf(live.key, 1);
  const waiting = update('idem-c', 'request-4', '戊');
  // The retry has found the request marked and no result yet: from here on it is waiting.
  await reads.reached;
  reads.restore();
  const stored = { ok: true, data: { account: { id: userId, nickname: '由先前的尝试存下' } } };
  const { completeRequest } = await import('../../cloudfunctions/_core/pipeline/idempotency');
  await completeRequest(live, stored as never, new Date());
  expect(await waiting).toEqual(stored);
  expect(runs).toBe(2);
});

test('marks older than two days are pruned by the next call', async () => {
  const userId = userIdOf('idem-d');
  await update('idem-d', 'request-recent', '己');
  const old = requestTicket(userId, 'account.updateProfile', 'ancient', 'h', new Date(Date.now() - 3 * 24 * 3600_000));
  await database().collection('users').doc(userId).update({ [old.mark.field]: old.mark.value });
  expect(Object.keys((await userDoc('idem-d')).req ?? {})).toHaveLength(2);
  await main({ action: 'account.me', input: {} }, contextOf('idem-d'));
  expect(Object.keys((await userDoc('idem-d')).req ?? {})).toHaveLength(1);
});

test('an id reused after its result expired runs again, and its new result replaces the old record', async () => {
  runs = 0;
  const userId = userIdOf('idem-e');
  await update('idem-e', 'request-fresh', '庚');
  const inputHash = digest('input', stableJson({ nickname: '辛' }));
  const dayAgo = new Date(Date.now() - 25 * 3600_000);
  const old = requestTicket(userId, 'account.updateProfile', 'request-old', inputHash, dayAgo);
  await database().collection('users').doc(userId).update({ [old.mark.field]: old.mark.value });
  // The old result is past its 24 h but not swept yet: the insert of the new one collides with it.
  await database()
    .collection('idempotency')
    .doc(old.key)
    .set({ userId, action: 'account.updateProfile', inputHash, status: 'done', envelopeSealed: 'stale', claimedAt: dayAgo, expiresAt: new Date(Date.now() - 3600_000) });
  const rerun = await update('idem-e', 'request-old', '辛');
  expect(rerun).toMatchObject({ ok: true, data: { account: { nickname: '辛2' } } });
  expect(await update('idem-e', 'request-old', '辛')).toEqual(rerun);
  expect(runs).toBe(2);
});
