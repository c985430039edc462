/** Activity data shaped exactly like the contract's outputs (typed by src/shared). */
import type { ActivityCard, ActivityDetail, MySignup } from '../../../src/shared/schemas/activities';
import type { OutputOf } from '../../../src/shared/api/contract';

const HOUR = 3600_000;
export const inHours = (hours: number, from = Date.now()) => new Date(from + hours * HOUR).toISOString();

export function mySignup(overrides: Partial<MySignup> = {}): MySignup {
  return { id: 's-1', status: 'confirmed', waitlistPosition: null, offerExpiresAt: null, checkedInAt: null, checkedOutAt: null, byProxy: null, ...overrides };
}

export function activityCard(overrides: Partial<ActivityCard> = {}): ActivityCard {
  return {
    id: 'a0123456789abcdef01234567',
    groupId: 'g-taiji',
    groupName: '北苑晨练太极队',
    title: '周末护河行动',
    category: 'environment',
    coverImage: null,
    startAt: '2025-11-26T01:00:00.000Z',
    endAt: '2025-11-26T03:00:00.000Z',
    locationName: '南湖公园东门',
    regionName: '北苑社区',
    capacity: 10,
    seatsLeft: 4,
    waitlistLength: 0,
    volunteer: { plannedHours: 2, creditsPerHour: 10 },
    status: 'published',
    mySignup: null,
    ...overrides,
  };
}

export function activityDetail(overrides: Partial<ActivityDetail> = {}): ActivityDetail {
  const start = overrides.startAt ?? inHours(48);
  return {
    ...activityCard(),
    startAt: start,
    endAt: inHours(2, new Date(start).getTime()),
    description: '沿南湖步道捡拾垃圾，发放环保宣传单，提供手套和夹子。',
    location: { name: '南湖公园东门', address: '城关街道南湖路 1 号', latitude: 30.1, longitude: 120.2 },
    signupOpenAt: '1970-01-01T00:00:00.000Z',
    signupCloseAt: start,
    cancelCutoffAt: inHours(-24, new Date(start).getTime()),
    skills: [],
    minAge: null,
    approvalRequired: false,
    offerWindowHours: 12,
    seriesId: null,
    cancelReason: null,
    abilities: ['activities.view', 'signups.create'],
    ...overrides,
  };
}

export type InboxItem = OutputOf<'inbox.list'>['items'][number];

export function inboxItem(overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    id: 'n-1',
    kind: 'seat_offer',
    title: '有空位了',
    body: '「周末护河行动」有空位了，请在 12 小时内确认',
    link: 'pages/activity/index?id=a0123456789abcdef01234567',
    createdAt: '2025-11-25T02:00:00.000Z',
    read: false,
    ...overrides,
  };
}

export const noProxies = () => ({ canActFor: [], actingForMe: [] });
