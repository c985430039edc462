/** The demo county of the seed: fixed ids so tests, screenshots and docs can name them. */
export interface SeedRegion {
  id: string;
  name: string;
  level: 'county' | 'street' | 'community';
  parentId: string | null;
  kind: 'urban' | 'rural' | null;
}

export const seedRegions: SeedRegion[] = [
  { id: 'cty-linxi', name: '临溪县', level: 'county', parentId: null, kind: null },
  { id: 'st-chengguan', name: '城关街道', level: 'street', parentId: 'cty-linxi', kind: null },
  { id: 'st-taoyuan', name: '桃源镇', level: 'street', parentId: 'cty-linxi', kind: null },
  { id: 'cm-beiyuan', name: '北苑社区', level: 'community', parentId: 'st-chengguan', kind: 'urban' },
  { id: 'cm-nanhu', name: '南湖社区', level: 'community', parentId: 'st-chengguan', kind: 'urban' },
  { id: 'cm-dongmen', name: '东门社区', level: 'community', parentId: 'st-chengguan', kind: 'urban' },
  { id: 'cm-taoyuan', name: '桃源村', level: 'community', parentId: 'st-taoyuan', kind: 'rural' },
  { id: 'cm-xinghua', name: '杏花村', level: 'community', parentId: 'st-taoyuan', kind: 'rural' },
  { id: 'cm-shiqiao', name: '石桥村', level: 'community', parentId: 'st-taoyuan', kind: 'rural' },
];

export interface SeedUser {
  openid: string;
  nickname: string;
  homeCommunityId: string;
  grant?: { role: 'committee' | 'street' | 'county'; regionId: string };
}

export const seedUsers: SeedUser[] = [
  { openid: 'demo-resident', nickname: '王阿姨', homeCommunityId: 'cm-beiyuan' },
  { openid: 'demo-leader', nickname: '李队长', homeCommunityId: 'cm-beiyuan' },
  { openid: 'demo-committee', nickname: '张主任', homeCommunityId: 'cm-beiyuan', grant: { role: 'committee', regionId: 'cm-beiyuan' } },
  { openid: 'demo-street', nickname: '陈科长', homeCommunityId: 'cm-nanhu', grant: { role: 'street', regionId: 'st-chengguan' } },
  { openid: 'demo-county', nickname: '刘局长', homeCommunityId: 'cm-dongmen', grant: { role: 'county', regionId: 'cty-linxi' } },
];
