/**
 * Policy matrix of residents without a smartphone (src/shared/policies/signups.ts): who may
 * register one in a community, and who may view, withdraw or make a claim code for a resident —
 * herself, her proxy (a guardian more), staff over her community or its grid worker, and nobody else.
 */
import type { PolicyActor } from '../../src/shared/policies/actor';
import { abilities } from '../../src/shared/policies/authorize';
import { isStaff } from '../../src/shared/policies/actor';
import { canManageRole } from '../../src/shared/policies/roles';
import { proxyCommunityPolicies, residentProxyPolicies, type ResidentResource } from '../../src/shared/policies/signups';

const beiyuan = { regionId: 'cm-beiyuan', ancestorIds: ['cty-linxi', 'st-chengguan'] };
const actor = (userId: string, grants: PolicyActor['grants'] = []): PolicyActor => ({ userId, grants });
const her = actor('r-liu');
const stranger = actor('u-stranger');
const proxy = actor('u-fang');
const grid = actor('u-grid', [{ role: 'grid', regionId: 'cm-beiyuan' }]);
const farGrid = actor('u-far-grid', [{ role: 'grid', regionId: 'cm-nanhu' }]);
const committee = actor('u-committee', [{ role: 'committee', regionId: 'cm-beiyuan' }]);
const farCommittee = actor('u-far', [{ role: 'committee', regionId: 'cm-taoyuan' }]);
const street = actor('u-street', [{ role: 'street', regionId: 'st-chengguan' }]);

const resident = (actorConsent: string | null, hasOwnAccount = false): ResidentResource => ({ userId: 'r-liu', hasOwnAccount, community: beiyuan, actorConsent });

test.each([
  ['grid worker of her community', grid, true],
  ['committee of her community', committee, true],
  ['street above it', street, true],
  ['grid worker elsewhere', farGrid, false],
  ['committee elsewhere', farCommittee, false],
  ['a resident', stranger, false],
])('proxies.createResident: %s', (_label, who, allowed) => {
  expect(abilities(proxyCommunityPolicies, who, beiyuan).includes('proxies.createResident')).toBe(allowed);
});

test.each<[string, PolicyActor, string | null, string[]]>([
  ['herself', her, null, ['proxies.view', 'proxies.withdraw']],
  ['her family proxy', proxy, 'family', ['proxies.view', 'proxies.claimCode']],
  ['her guardian', proxy, 'guardian', ['proxies.view', 'proxies.withdraw', 'proxies.claimCode']],
  ['grid worker of her community', grid, null, ['proxies.view', 'proxies.withdraw', 'proxies.addConsent', 'proxies.claimCode']],
  ['committee of her community', committee, null, ['proxies.view', 'proxies.withdraw', 'proxies.addConsent', 'proxies.claimCode']],
  ['grid worker elsewhere', farGrid, null, []],
  ['committee elsewhere', farCommittee, null, []],
  ['an unrelated resident', stranger, null, []],
])('a resident without a phone, as seen by %s', (_label, who, consent, expected) => {
  expect(abilities(residentProxyPolicies, who, resident(consent))).toEqual(expected);
});

test('no claim code and no paper consent once she has her own account', () => {
  expect(abilities(residentProxyPolicies, committee, resident(null, true))).toEqual(['proxies.view', 'proxies.withdraw']);
});

test('a grid worker is granted on a community by its staff, opens no console, and grants nothing', () => {
  const community = { ...beiyuan, level: 'community' as const };
  expect(canManageRole(committee, 'grid', community)).toBe(true);
  expect(canManageRole(street, 'grid', community)).toBe(true);
  expect(canManageRole(grid, 'grid', community)).toBe(false);
  expect(canManageRole(farCommittee, 'grid', community)).toBe(false);
  expect(canManageRole(committee, 'grid', { regionId: 'st-chengguan', ancestorIds: ['cty-linxi'], level: 'street' })).toBe(false);
  expect(isStaff(grid)).toBe(false);
  expect(isStaff(committee)).toBe(true);
});
