/**
 * Races on one need (issue 18: "concurrent claims of one need — exactly one wins"), over HTTP
 * under CloudBase's one-request-per-instance model: many concurrent claims, and seeded random
 * schedules of claim / accept / decline / withdraw / expire / done / thank fired concurrently,
 * with the invariants checked after every step. A failing schedule prints its seed:
 * LINLI_MODEL_SEED=<seed> LINLI_MODEL_SCHEDULES=1 replays it.
 */
import { userIdOf } from '../../cloudfunctions/_core/repositories/users';
import { NEED_TRANSITIONS, type NeedMove } from '../../src/shared/policies/needs';
import type { NeedState } from '../../src/shared/schemas/needs';
import { cloudPerFile } from '../support/cloudPerFile';
import { allDocsOf, type Db } from '../support/fixtures';
import type { Client, RunningCloud } from '../support/localCloud';
import { helpingGroup, postNeed, sweep, uploadPhoto, volunteerOf } from '../support/needs';
import { SeededRandom } from '../support/seededRandom';
import { residentOf } from '../support/volunteers';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

const FIRST_SEED = Number(process.env.LINLI_MODEL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SCHEDULES = Number(process.env.LINLI_MODEL_SCHEDULES ?? 6);
const STEPS = 8;

interface StoredNeed {
  state: NeedState;
  claim: { kind: string; id: string } | null;
  helpers: Array<{ userId: string }>;
  photo: string | null;
}

test('twelve concurrent claims of one need: exactly one wins, the others are told it was taken', async () => {
  const resident = await residentOf(cloud.url, 'ndc-resident');
  const volunteers = await Promise.all(Array.from({ length: 8 }, (_, i) => volunteerOf(cloud, `ndc-vol-${i}`)));
  const groups = await Promise.all(Array.from({ length: 4 }, (_, i) => helpingGroup(cloud, db, `ndc-leader-${i}`, [])));
  const need = await postNeed(resident);
  const calls = [
    ...volunteers.map((v) => v.call('needs', 'needs.claim', { needId: need.id })),
    ...groups.map((g) => g.leader.call('needs', 'needs.claim', { needId: need.id, groupId: g.groupId })),
  ];
  const results = await Promise.all(calls);
  const winners = results.filter((r) => r.status === 200);
  expect(winners).toHaveLength(1);
  for (const loser of results.filter((r) => r.status !== 200)) expect(loser.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'needs.not_claimable' } });
  const [stored] = await allDocsOf<StoredNeed>(db, 'needs', { _id: need.id });
  const won = winners[0]!.body as { ok: true; data: { claimer: { id: string } } };
  expect(stored).toMatchObject({ state: 'claimed', claim: { id: won.data.claimer.id } });
});

type Op = 'claimVolunteer' | 'claimGroup' | 'accept' | 'decline' | 'withdraw' | 'expire' | 'done' | 'thank';
const MOVE_OF: Record<Op, NeedMove> = { claimVolunteer: 'claim', claimGroup: 'claim', accept: 'accept', decline: 'decline', withdraw: 'withdraw', expire: 'expire', done: 'done', thank: 'thank' };

/** Whether applying the successful moves in some order leads from `from` to `to`, each allowed where it was made. */
function explains(from: NeedState, to: NeedState, moves: NeedMove[]): boolean {
  if (moves.length === 0) return from === to;
  return moves.some((move, i) => {
    const { from: allowed, to: next } = NEED_TRANSITIONS[move];
    if (!(allowed as readonly NeedState[]).includes(from)) return false;
    return explains(next, to, [...moves.slice(0, i), ...moves.slice(i + 1)]);
  });
}

test(`needs model: ${SCHEDULES} seeded schedules of concurrent moves keep every invariant after every step`, async () => {
  const resident = await residentOf(cloud.url, 'ndm-resident');
  const volunteer = await volunteerOf(cloud, 'ndm-volunteer');
  const group = await helpingGroup(cloud, db, 'ndm-leader', ['ndm-helper']);
  const photo = await uploadPhoto(cloud, 'ndm');
  const helperId = userIdOf('ndm-helper');
  const volunteerId = userIdOf('ndm-volunteer');

  for (let s = 0; s < SCHEDULES; s += 1) {
    const seed = (FIRST_SEED + s) >>> 0;
    const rng = new SeededRandom(seed);
    const failures: string[] = [];
    const need = await postNeed(resident, { what: `模型测试需求 ${seed}` });
    let state: NeedState = 'open';
    for (let step = 0; step < STEPS && failures.length === 0; step += 1) {
      const ops = Array.from({ length: rng.int(1, 3) }, () => rng.pick<Op>(['claimVolunteer', 'claimGroup', 'accept', 'decline', 'withdraw', 'expire', 'done', 'thank']));
      if (ops.includes('expire')) await db.collection('needs').doc(need.id).update({ dueAt: new Date(Date.now() - 4 * 24 * 3600_000) });
      const stored = (await allDocsOf<StoredNeed>(db, 'needs', { _id: need.id }))[0]!;
      const doneBy: Client = stored.claim?.kind === 'group' ? group.leader : volunteer;
      const doneHelpers = stored.claim?.kind === 'group' ? [{ userId: helperId, minutes: 45 }] : [{ userId: volunteerId, minutes: 45 }];
      const run = (op: Op): Promise<boolean> => {
        const ok = (p: Promise<{ status: number }>) => p.then((r) => r.status === 200);
        switch (op) {
          case 'claimVolunteer':
            return ok(volunteer.call('needs', 'needs.claim', { needId: need.id }));
          case 'claimGroup':
            return ok(group.leader.call('needs', 'needs.claim', { needId: need.id, groupId: group.groupId }));
          case 'accept':
            return ok(resident.call('needs', 'needs.confirm', { needId: need.id, accept: true }));
          case 'decline':
            return ok(resident.call('needs', 'needs.confirm', { needId: need.id, accept: false }));
          case 'withdraw':
            return ok(resident.call('needs', 'needs.withdraw', { needId: need.id }));
          case 'expire':
            return sweep(cloud).then((r) => r.expired > 0);
          case 'done':
            return ok(doneBy.call('needs', 'needs.done', { needId: need.id, photo, helpers: doneHelpers }));
          case 'thank':
            return ok(resident.call('needs', 'needs.thank', { needId: need.id, rating: rng.int(1, 5) }));
        }
      };
      // Two sweeps in one step: the second may find the need expired already, which is fine; only one may expire it.
      const outcomes = await Promise.all(ops.map(run));
      const moves = ops.filter((_, i) => outcomes[i]).map((op) => MOVE_OF[op]);
      const after = (await allDocsOf<StoredNeed>(db, 'needs', { _id: need.id }))[0]!;
      const records = await allDocsOf<{ userId: string }>(db, 'hour_records', { source: 'need', content: `邻里互助：模型测试需求 ${seed}` });
      const where = `step ${step} ${ops.join('+')} → ${outcomes.join(',')}: ${state} → ${after.state}`;
      if (!explains(state, after.state, moves)) failures.push(`${where}: the successful moves do not lead there`);
      const claimedStates: NeedState[] = ['claimed', 'accepted', 'done', 'thanked', 'closed'];
      if (claimedStates.includes(after.state) !== (after.claim !== null) && !['withdrawn', 'expired'].includes(after.state)) failures.push(`${where}: claim ${JSON.stringify(after.claim)} in state ${after.state}`);
      const doneStates: NeedState[] = ['done', 'thanked', 'closed'];
      if (doneStates.includes(after.state) && (after.helpers.length === 0 || !after.photo)) failures.push(`${where}: done without helpers or photo`);
      const expectedRecords = ['thanked', 'closed'].includes(after.state) ? after.helpers.length : 0;
      if (records.length !== expectedRecords) failures.push(`${where}: ${records.length} hour records, expected ${expectedRecords}`);
      state = after.state;
    }
    if (failures.length > 0) throw new Error(`needs schedule with seed ${seed} broke (replay: LINLI_MODEL_SEED=${seed} LINLI_MODEL_SCHEDULES=1):\n${failures.join('\n')}`);
  }
}, 120_000);
