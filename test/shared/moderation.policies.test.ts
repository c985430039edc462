/** Policy matrix for moderation cases: every ability × every role, and the case states that decide restore, dismiss and appeal. */
import type { PolicyActor } from '../../src/shared/policies/actor';
import { abilities, authorize } from '../../src/shared/policies/authorize';
import { casePolicies, type CaseResource } from '../../src/shared/policies/moderation';

const author: PolicyActor = { userId: 'u-author', grants: [] };
const reporter: PolicyActor = { userId: 'u-reporter', grants: [] };
const committee: PolicyActor = { userId: 'u-committee', grants: [{ role: 'committee', regionId: 'cm-beiyuan' }] };
const otherCommittee: PolicyActor = { userId: 'u-nanhu', grants: [{ role: 'committee', regionId: 'cm-nanhu' }] };
const street: PolicyActor = { userId: 'u-street', grants: [{ role: 'street', regionId: 'st-chengguan' }] };
const county: PolicyActor = { userId: 'u-county', grants: [{ role: 'county', regionId: 'cty-linxi' }] };

const base: CaseResource = {
  regionId: 'cm-beiyuan',
  ancestorIds: ['cty-linxi', 'st-chengguan'],
  authorId: 'u-author',
  lastDecisionBy: null,
  lastDecisionAction: null,
  appealState: 'none',
  itemHidden: false,
  reportsOpen: true,
};
/** Reported, auto-hidden, nobody decided yet. */
const hiddenOpen: CaseResource = { ...base, itemHidden: true };
/** Hidden by the committee; the author may appeal. */
const hiddenByCommittee: CaseResource = { ...base, itemHidden: true, reportsOpen: false, lastDecisionBy: 'u-committee', lastDecisionAction: 'hide' };
/** The reports were found unfounded: nothing to appeal, nothing to dismiss. */
const dismissed: CaseResource = { ...base, reportsOpen: false, lastDecisionBy: 'u-committee', lastDecisionAction: 'dismiss' };
/** The author appealed the committee's hiding. */
const appealed: CaseResource = { ...hiddenByCommittee, appealState: 'pending' };

const ABILITIES = ['moderation.view', 'moderation.decide', 'moderation.restore', 'moderation.dismiss', 'moderation.appeal', 'moderation.decideAppeal'] as const;
type Row = [label: string, actor: PolicyActor, resource: CaseResource, allowed: ReadonlyArray<(typeof ABILITIES)[number]>];

const matrix: Row[] = [
  ['resident (a reporter), open visible case', reporter, base, []],
  ['author, open visible case', author, base, ['moderation.view']],
  ['committee, open visible case', committee, base, ['moderation.view', 'moderation.decide', 'moderation.dismiss']],
  ['other community committee, open visible case', otherCommittee, base, []],
  ['street above, open visible case', street, base, ['moderation.view', 'moderation.decide', 'moderation.dismiss']],
  ['county above, open visible case', county, base, ['moderation.view', 'moderation.decide', 'moderation.dismiss']],
  ['committee, auto-hidden open case', committee, hiddenOpen, ['moderation.view', 'moderation.decide', 'moderation.restore', 'moderation.dismiss']],
  ['author, auto-hidden open case (nothing decided)', author, hiddenOpen, ['moderation.view']],
  ['committee, hidden by a decision', committee, hiddenByCommittee, ['moderation.view', 'moderation.decide', 'moderation.restore']],
  ['author, hidden by a decision', author, hiddenByCommittee, ['moderation.view', 'moderation.appeal']],
  ['committee, dismissed', committee, dismissed, ['moderation.view', 'moderation.decide']],
  ['author, dismissed (nothing to appeal)', author, dismissed, ['moderation.view']],
  ['the decider, appeal pending', committee, appealed, ['moderation.view']],
  ['street, appeal pending', street, appealed, ['moderation.view', 'moderation.decideAppeal']],
  ['author, appeal pending', author, appealed, ['moderation.view']],
  ['other community committee, appeal pending', otherCommittee, appealed, []],
];

describe.each(matrix)('%s', (_label, actor, resource, allowed) => {
  test.each(ABILITIES.map((ability) => [ability, allowed.includes(ability)] as const))('%s → %s', (ability, expected) => {
    const attempt = () => authorize(casePolicies, ability, actor, resource);
    if (expected) expect(attempt).not.toThrow();
    else expect(attempt).toThrow('没有权限进行此操作');
  });

  test('abilities list exactly these', () => {
    expect(abilities(casePolicies, actor, resource)).toEqual(ABILITIES.filter((a) => allowed.includes(a)));
  });
});
