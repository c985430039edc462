/** Data shaped exactly like the contract's outputs (typed by src/shared). */
import type { AccountMeOutput } from '../../../src/shared/schemas/account';
import type { GroupCard, GroupDetail, GroupsListOutput } from '../../../src/shared/schemas/groups';
import type { RegionsTreeOutput } from '../../../src/shared/schemas/regions';

export const beiyuan = { id: 'cm-beiyuan', name: '北苑社区', level: 'community' as const, parentId: 'st-chengguan', kind: 'urban' as const };

export function account(overrides: Partial<AccountMeOutput['account']> = {}): AccountMeOutput {
  return {
    account: { id: 'u-wang', nickname: '王阿姨', avatar: null, homeCommunity: beiyuan, roles: [], createdAt: '2025-01-01T00:00:00.000Z', ...overrides },
    abilities: ['account.updateProfile'],
  };
}

export function groupCard(overrides: Partial<GroupCard> = {}): GroupCard {
  return {
    id: 'g-taiji',
    name: '北苑晨练太极队',
    type: 'culture_sports',
    managementLevel: 'community',
    communityId: 'cm-beiyuan',
    regionName: '北苑社区',
    summary: '每天早上在中心广场练太极',
    tags: ['太极'],
    coverImage: null,
    memberCount: 4,
    joinPolicy: 'open',
    myMembership: null,
    ...overrides,
  };
}

export function groupDetail(overrides: Partial<GroupDetail> = {}): GroupDetail {
  return {
    ...groupCard(),
    description: '每天早上 6:30 在北苑中心广场练习二十四式太极拳。',
    registrationNumber: null,
    filingNumber: null,
    status: 'active',
    leader: { nickname: '李队长', avatar: null },
    contact: { name: '李桂芳', phone: '138****5678', masked: true },
    createdAt: '2025-01-01T00:00:00.000Z',
    ratings: [],
    hub: null,
    review: null,
    dissolvedReason: null,
    rules: { noShowLimit: 3, cancelCutoffHours: 24 },
    abilities: ['groups.view', 'groups.join'],
    ...overrides,
  };
}

export function page(items: GroupCard[], total = items.length, hasMore = false): GroupsListOutput {
  return { items, total, hasMore };
}

export const regionTree: RegionsTreeOutput = {
  roots: [
    {
      id: 'cty-linxi',
      name: '临溪县',
      level: 'county',
      parentId: null,
      kind: null,
      children: [
        {
          id: 'st-chengguan',
          name: '城关街道',
          level: 'street',
          parentId: 'cty-linxi',
          kind: null,
          children: [
            { ...beiyuan, children: [] },
            { id: 'cm-nanhu', name: '南湖社区', level: 'community', parentId: 'st-chengguan', kind: 'urban', children: [] },
          ],
        },
        {
          id: 'st-taoyuan',
          name: '桃源镇',
          level: 'street',
          parentId: 'cty-linxi',
          kind: null,
          children: [{ id: 'cm-xinghua', name: '杏花村', level: 'community', parentId: 'st-taoyuan', kind: 'rural', children: [] }],
        },
      ],
    },
  ],
};
