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

/** Neighbours who fill the demo groups, so member counts are real memberships. */
export const seedNeighbours: SeedUser[] = [
  ['赵大爷', 'cm-beiyuan'],
  ['孙阿姨', 'cm-beiyuan'],
  ['周师傅', 'cm-beiyuan'],
  ['吴老师', 'cm-nanhu'],
  ['郑大姐', 'cm-nanhu'],
  ['冯叔', 'cm-dongmen'],
  ['陈奶奶', 'cm-dongmen'],
  ['褚先生', 'cm-taoyuan'],
  ['卫阿姨', 'cm-xinghua'],
  ['蒋大哥', 'cm-shiqiao'],
].map(([nickname, homeCommunityId], i) => ({ openid: `seed-neighbour-${String(i + 1).padStart(2, '0')}`, nickname: nickname!, homeCommunityId: homeCommunityId! }));

export interface SeedGroup {
  id: string;
  name: string;
  type: 'service' | 'charity' | 'mutual_aid' | 'safety' | 'culture_sports' | 'rural_tech' | 'hub';
  managementLevel: 'registered' | 'filed' | 'community';
  number?: string;
  communityId: string | null;
  streetId: string;
  joinPolicy: 'open' | 'approval' | 'invite';
  status?: 'pending' | 'active';
  description: string;
  tags: string[];
  contact: { name: string; phone: string };
  /** openid of the leader, then of the members. */
  leader: string;
  members: string[];
  /** Where the group meets (GCJ-02, as WeChat's map picker gives it); nearest-first discovery sorts by it. */
  place?: { name: string; address: string; latitude: number; longitude: number };
}

export const seedGroups: SeedGroup[] = [
  {
    id: 'g-beiyuan-taiji', name: '北苑晨练太极队', type: 'culture_sports', managementLevel: 'community', communityId: 'cm-beiyuan', streetId: 'st-chengguan', joinPolicy: 'open',
    description: '每天早上 6:30 在北苑中心广场练习二十四式太极拳，零基础可以跟练，欢迎中老年朋友加入。雨天改在社区活动室。',
    tags: ['太极', '晨练', '中老年'], contact: { name: '李桂芳', phone: '13812345678' }, leader: 'demo-leader', members: ['seed-neighbour-01', 'seed-neighbour-02', 'seed-neighbour-03'],
    place: { name: '北苑中心广场', address: '城关街道北苑路 1 号', latitude: 30.27412, longitude: 120.15523 },
  },
  {
    id: 'g-beiyuan-huzhu', name: '北苑邻里互助会', type: 'mutual_aid', managementLevel: 'filed', number: '城关备字〔2024〕017号', communityId: 'cm-beiyuan', streetId: 'st-chengguan', joinPolicy: 'approval',
    description: '为独居和高龄老人代买代办、陪同就医、上门探访，邻里之间互相搭把手。新成员需经队长审核。',
    tags: ['助老', '代买代办', '陪诊'], contact: { name: '李桂芳', phone: '13812345678' }, leader: 'demo-leader', members: ['seed-neighbour-02'],
    place: { name: '北苑社区服务站', address: '城关街道北苑路 8 号', latitude: 30.27518, longitude: 120.15788 },
  },
  {
    id: 'g-beiyuan-xunluo', name: '北苑平安巡逻队', type: 'safety', managementLevel: 'community', communityId: 'cm-beiyuan', streetId: 'st-chengguan', joinPolicy: 'open',
    description: '夜间楼栋巡查、消防通道检查、电动车违规充电劝导，守护小区平安。',
    tags: ['巡逻', '消防安全'], contact: { name: '周建国', phone: '13900001111' }, leader: 'seed-neighbour-03', members: ['seed-neighbour-01'],
    place: { name: '北苑小区东门岗亭', address: '城关街道北苑路 12 号', latitude: 30.27605, longitude: 120.1596 },
  },
  {
    id: 'g-beiyuan-yuanyi', name: '北苑园艺小组', type: 'culture_sports', managementLevel: 'community', communityId: 'cm-beiyuan', streetId: 'st-chengguan', joinPolicy: 'open', status: 'pending',
    description: '打理小区公共花园，分享种花种菜经验。（正在等待社区审核）',
    tags: ['园艺'], contact: { name: '孙秀兰', phone: '13700002222' }, leader: 'seed-neighbour-02', members: [],
  },
  {
    id: 'g-chengguan-hub', name: '城关街道社会组织联合会', type: 'hub', managementLevel: 'registered', number: '临民登字〔2023〕0008号', communityId: null, streetId: 'st-chengguan', joinPolicy: 'approval',
    description: '枢纽型社会组织，统筹街道内社区社会组织的孵化培育、能力培训和活动协调。',
    tags: ['枢纽', '孵化培育'], contact: { name: '王志强', phone: '0571-88001234' }, leader: 'seed-neighbour-04', members: [],
    place: { name: '城关街道社会组织服务中心', address: '城关街道府前路 66 号', latitude: 30.2698, longitude: 120.1605 },
  },
  {
    id: 'g-nanhu-dushu', name: '南湖读书会', type: 'culture_sports', managementLevel: 'community', communityId: 'cm-nanhu', streetId: 'st-chengguan', joinPolicy: 'open',
    description: '每月两次共读活动，社区图书漂流角，周末亲子阅读。',
    tags: ['读书', '亲子'], contact: { name: '吴文静', phone: '13600003333' }, leader: 'seed-neighbour-04', members: ['seed-neighbour-05'],
    place: { name: '南湖社区图书角', address: '城关街道南湖路 23 号', latitude: 30.26544, longitude: 120.16235 },
  },
  {
    id: 'g-nanhu-zhulao', name: '南湖爱心助老服务队', type: 'service', managementLevel: 'filed', number: '城关备字〔2024〕022号', communityId: 'cm-nanhu', streetId: 'st-chengguan', joinPolicy: 'approval',
    description: '为辖区困难老人提供助餐、助洁、理发等上门服务。',
    tags: ['助老', '上门服务'], contact: { name: '郑丽', phone: '13500004444' }, leader: 'seed-neighbour-05', members: ['seed-neighbour-04'],
    place: { name: '南湖长者食堂', address: '城关街道南湖路 31 号', latitude: 30.2639, longitude: 120.16402 },
  },
  {
    id: 'g-dongmen-wudao', name: '东门广场舞队', type: 'culture_sports', managementLevel: 'community', communityId: 'cm-dongmen', streetId: 'st-chengguan', joinPolicy: 'open',
    description: '每晚 7 点东门广场，音量自觉控制在规定范围内，欢迎舞友。',
    tags: ['广场舞', '健身'], contact: { name: '冯玉梅', phone: '13400005555' }, leader: 'seed-neighbour-06', members: ['seed-neighbour-07'],
    place: { name: '东门广场', address: '城关街道东门大街 2 号', latitude: 30.2715, longitude: 120.1731 },
  },
  {
    id: 'g-dongmen-cishan', name: '东门公益慈善小组', type: 'charity', managementLevel: 'filed', number: '城关备字〔2025〕003号', communityId: 'cm-dongmen', streetId: 'st-chengguan', joinPolicy: 'invite',
    description: '组织爱心义卖、困难家庭结对帮扶，凭邀请链接加入。',
    tags: ['义卖', '结对帮扶'], contact: { name: '陈淑珍', phone: '13300006666' }, leader: 'seed-neighbour-07', members: [],
  },
  {
    id: 'g-taoyuan-guoshu', name: '桃源果树种植技术服务队', type: 'rural_tech', managementLevel: 'community', communityId: 'cm-taoyuan', streetId: 'st-taoyuan', joinPolicy: 'open',
    description: '请农技员讲解桃树修剪、病虫害防治，田间地头现场指导。',
    tags: ['农技', '果树'], contact: { name: '褚志明', phone: '13200007777' }, leader: 'seed-neighbour-08', members: [],
    place: { name: '桃源村果园示范基地', address: '桃源镇桃源村 5 组', latitude: 30.3512, longitude: 120.0984 },
  },
  {
    id: 'g-xinghua-zhiyuan', name: '杏花村志愿者协会', type: 'charity', managementLevel: 'registered', number: '临民登字〔2022〕0031号', communityId: 'cm-xinghua', streetId: 'st-taoyuan', joinPolicy: 'approval',
    description: '留守儿童课后陪伴、孤寡老人探访、村道环境整治。',
    tags: ['留守儿童', '探访'], contact: { name: '卫红', phone: '13100008888' }, leader: 'seed-neighbour-09', members: ['seed-neighbour-08'],
    place: { name: '杏花村文化礼堂', address: '桃源镇杏花村 18 号', latitude: 30.3426, longitude: 120.1137 },
  },
  {
    id: 'g-shiqiao-pingan', name: '石桥村平安志愿队', type: 'safety', managementLevel: 'community', communityId: 'cm-shiqiao', streetId: 'st-taoyuan', joinPolicy: 'open',
    description: '汛期巡堤、防火宣传、反诈宣传进农户。',
    tags: ['防汛', '反诈宣传'], contact: { name: '蒋国强', phone: '13000009999' }, leader: 'seed-neighbour-10', members: [],
  },
  {
    id: 'g-taoyuan-hub', name: '桃源镇社会组织服务中心', type: 'hub', managementLevel: 'registered', number: '临民登字〔2024〕0015号', communityId: null, streetId: 'st-taoyuan', joinPolicy: 'approval',
    description: '镇级枢纽型社会组织，为各村社会组织提供场地、培训和项目对接。',
    tags: ['枢纽', '培训'], contact: { name: '褚志明', phone: '13200007777' }, leader: 'seed-neighbour-08', members: [],
  },
];

/** A seed group's name by id (activities keep their group's name: ActivityDoc.groupName). */
export function seedGroupName(groupId: string): string {
  const group = seedGroups.find((g) => g.id === groupId);
  if (!group) throw new Error(`no seed group ${groupId}`);
  return group.name;
}
