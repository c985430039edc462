/**
 * The needs policies as a matrix (every relation × every state × every ability) and the one
 * transition table: each move leaves only the states it names, and the abilities the app shows
 * follow the table (a move the table forbids is never offered).
 */
import type { PolicyActor } from '../../src/shared/policies/actor';
import { abilities } from '../../src/shared/policies/authorize';
import { canMove, NEED_TRANSITIONS, needBoardPolicies, needPolicies, type NeedResource } from '../../src/shared/policies/needs';
import { NeedState, NeedsPostInput } from '../../src/shared/schemas/needs';

const scope = { regionId: 'cm-beiyuan', ancestorIds: ['cty-linxi', 'st-chengguan'] };
const nobody: PolicyActor = { userId: 'u1', grants: [] };
const committee: PolicyActor = { userId: 'u2', grants: [{ role: 'committee', regionId: 'cm-beiyuan' }] };
const otherCommittee: PolicyActor = { userId: 'u3', grants: [{ role: 'committee', regionId: 'cm-taoyuan' }] };

interface Relation {
  actor: PolicyActor;
  forResident: boolean;
  claimer: boolean;
  neighbour: boolean;
  /** The need is addressed to one neighbour (from her time-bank offer), and whether the caller is she. */
  addressed?: boolean;
  addressee?: boolean;
}

/** Who the caller is to the need: the relations the server resolves. */
const RELATIONS: Record<string, Relation> = {
  resident: { actor: nobody, forResident: true, claimer: false, neighbour: true },
  proxyElsewhere: { actor: nobody, forResident: true, claimer: false, neighbour: false },
  claimer: { actor: nobody, forResident: false, claimer: true, neighbour: true },
  neighbour: { actor: nobody, forResident: false, claimer: false, neighbour: true },
  committee: { actor: committee, forResident: false, claimer: false, neighbour: false },
  otherCommittee: { actor: otherCommittee, forResident: false, claimer: false, neighbour: false },
  stranger: { actor: nobody, forResident: false, claimer: false, neighbour: false },
  // A need addressed to one neighbour (请TA帮忙): her, the resident, the other neighbours, the committee.
  addressee: { actor: nobody, forResident: false, claimer: false, neighbour: true, addressed: true, addressee: true },
  addresseeClaimed: { actor: nobody, forResident: false, claimer: true, neighbour: true, addressed: true, addressee: true },
  residentAddressing: { actor: nobody, forResident: true, claimer: false, neighbour: true, addressed: true },
  neighbourNotAsked: { actor: nobody, forResident: false, claimer: false, neighbour: true, addressed: true },
  leaderNotAsked: { actor: nobody, forResident: false, claimer: false, neighbour: true, addressed: true },
  committeeAddressed: { actor: committee, forResident: false, claimer: false, neighbour: false, addressed: true },
};

/** The expected abilities, written out from the rules rather than from the code. */
function expected(relation: string, state: NeedState): string[] {
  const r = RELATIONS[relation]!;
  const out: string[] = [];
  const staff = relation === 'committee' || relation === 'committeeAddressed';
  // Addressed: the neighbour asked stands where the whole community stands for a board need.
  const takesOn = r.addressed ? !!r.addressee : r.neighbour;
  if (r.forResident || r.claimer || takesOn || staff) out.push('needs.view');
  if (r.forResident || r.claimer || staff) out.push('needs.viewPrivate');
  if (state === 'open' && takesOn && !r.forResident) out.push('needs.claim');
  if (state === 'open' && r.addressed && r.addressee && !r.forResident) out.push('needs.declineAddressed');
  if (state === 'claimed' && r.forResident) out.push('needs.confirm');
  if (state === 'accepted' && r.claimer) out.push('needs.done');
  if (state === 'done' && r.forResident) out.push('needs.thank');
  if (['open', 'claimed', 'accepted'].includes(state) && r.forResident) out.push('needs.withdraw');
  return out;
}

describe('needs abilities: every relation × every state', () => {
  for (const relation of Object.keys(RELATIONS)) {
    test.each(NeedState.options)(`${relation} on a %s need`, (state) => {
      const r = RELATIONS[relation]!;
      const resource: NeedResource = { ...scope, state, forResident: r.forResident, claimer: r.claimer, neighbour: r.neighbour, addressed: !!r.addressed, addressee: !!r.addressee };
      expect(abilities(needPolicies, r.actor, resource).sort()).toEqual(expected(relation, state).sort());
    });
  }
});

test('the board: residents read it, staff over it run the queue, offers only where the time bank is on', () => {
  const board = (neighbour: boolean, timeBank: boolean) => ({ ...scope, neighbour, timeBank });
  expect(abilities(needBoardPolicies, nobody, board(true, false))).toEqual(['needs.list']);
  expect(abilities(needBoardPolicies, nobody, board(true, true))).toEqual(['needs.list', 'needs.offers', 'needs.offerPost']);
  expect(abilities(needBoardPolicies, committee, board(false, true))).toEqual(['needs.list', 'needs.queue', 'needs.offers']);
  expect(abilities(needBoardPolicies, otherCommittee, board(false, true))).toEqual([]);
  expect(abilities(needBoardPolicies, nobody, board(false, true))).toEqual([]);
});

test('the transition table: each move leaves only the states it names, and ended needs never move', () => {
  const ended: NeedState[] = ['thanked', 'closed', 'withdrawn', 'expired'];
  for (const [move, { from }] of Object.entries(NEED_TRANSITIONS)) {
    for (const state of NeedState.options) expect([move, state, canMove(state, move as keyof typeof NEED_TRANSITIONS)]).toEqual([move, state, (from as readonly string[]).includes(state)]);
  }
  for (const state of ended) expect(Object.keys(NEED_TRANSITIONS).filter((m) => canMove(state, m as keyof typeof NEED_TRANSITIONS))).toEqual([]);
});

test('posting: a day or a window of at most 31 days, with exact messages', () => {
  const base = { what: '帮忙买药送到家', category: 'errands', whenFrom: '2026-12-08', place: '3 栋 501', phone: '13900001111' };
  expect(NeedsPostInput.safeParse(base).success).toBe(true);
  expect(NeedsPostInput.safeParse({ ...base, whenTo: '2027-01-08' }).success).toBe(true);
  const tooLong = NeedsPostInput.safeParse({ ...base, whenTo: '2027-01-09' });
  expect(tooLong.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['whenTo', '时间范围不能超过 31 天']]);
  const backwards = NeedsPostInput.safeParse({ ...base, whenTo: '2026-12-07' });
  expect(backwards.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['whenTo', '结束日期不能早于开始日期']]);
});
