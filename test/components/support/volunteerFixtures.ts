/**
 * Volunteer data shaped exactly like the contract's outputs (profile, hours, store, proofs).
 * Types only from src/: the weapp suite loads this file without transforming src/.
 */
import type { OutputOf } from '../../../src/shared/api/contract';
import type { RedemptionView, StoreItemView } from '../../../src/shared/schemas/credits';
import type { ProofView } from '../../../src/shared/schemas/proofs';
import type { HourRecordView, VolunteerProfile } from '../../../src/shared/schemas/volunteers';

export function profile(overrides: Partial<VolunteerProfile> = {}): VolunteerProfile {
  return {
    volunteerNo: 'V2026000001',
    realName: '王秀英',
    idType: 'mainland_id',
    idNumber: '110105194912310021',
    phone: '13812345678',
    skills: ['助老服务'],
    gridArea: null,
    emergencyContact: null,
    guardian: null,
    isMinor: false,
    status: 'active',
    registeredAt: '2026-01-05T02:00:00.000Z',
    masked: false,
    totalMinutes: 0,
    stars: 0,
    nextStarHours: 100,
    ...overrides,
  };
}

export function hourRecord(overrides: Partial<HourRecordView> = {}): HourRecordView {
  return {
    id: 'h-1',
    groupId: 'g-taiji',
    groupName: '北苑晨练太极队',
    activityId: 'a-1',
    content: '重阳节敬老院慰问演出',
    serviceDate: '2026-03-01',
    minutes: 150,
    source: 'checkin',
    state: 'confirmed',
    recordedBy: '李队长',
    recordedAt: '2026-03-01T06:00:00.000Z',
    confirmedBy: '李队长',
    confirmedAt: '2026-03-01T07:00:00.000Z',
    rejectReason: null,
    credits: 25,
    reversesId: null,
    evidence: null,
    correctionPending: false,
    ...overrides,
  };
}

export function hoursMine(overrides: Partial<OutputOf<'hours.mine'>> = {}): OutputOf<'hours.mine'> {
  return {
    totalMinutes: 7530,
    stars: 1,
    starThresholds: [100, 300, 600, 1000, 1500],
    nextStarHours: 300,
    byYear: [
      { year: 2026, minutes: 1530 },
      { year: 2025, minutes: 6000 },
    ],
    byGroup: [{ groupId: 'g-taiji', groupName: '北苑晨练太极队', minutes: 7530 }],
    awaiting: [],
    records: { items: [hourRecord()], total: 1, hasMore: false },
    ...overrides,
  };
}

export function storeItem(overrides: Partial<StoreItemView> = {}): StoreItemView {
  return {
    id: 'i-rice',
    communityId: 'cm-beiyuan',
    name: '东北大米 5kg',
    description: '社区爱心企业捐赠',
    image: null,
    cost: 120,
    stock: 8,
    perPersonLimit: 2,
    active: true,
    mine: 0,
    ...overrides,
  };
}

export function redemption(overrides: Partial<RedemptionView> = {}): RedemptionView {
  return {
    id: 'r-1',
    itemId: 'i-rice',
    itemName: '东北大米 5kg',
    communityId: 'cm-beiyuan',
    cost: 120,
    pickupCode: '20260415',
    state: 'pending',
    nickname: '王阿姨',
    createdAt: '2026-04-15T02:00:00.000Z',
    fulfilledAt: null,
    cancelledAt: null,
    ...overrides,
  };
}

export function proof(overrides: Partial<ProofView> = {}): ProofView {
  return {
    id: 'p-1',
    serialNo: null,
    state: 'requested',
    issuerType: 'group',
    issuerId: 'g-taiji',
    issuerName: '北苑晨练太极队',
    from: '2026-01-01',
    to: '2026-03-31',
    purpose: '升学',
    volunteerName: '王秀英',
    volunteerNo: 'V2026000001',
    minutes: 1530,
    requestedAt: '2026-04-01T02:00:00.000Z',
    issuedAt: null,
    rejectReason: null,
    verificationCode: null,
    abilities: [],
    ...overrides,
  };
}
