/**
 * Demo volunteer service, so a first `npm start` shows it working: 王阿姨 (demo-resident) is a
 * registered volunteer who served at last week's 北苑 meal delivery (confirmed by 李队长, with
 * its credits), and 北苑's points store has three items. The registration, the confirmation and
 * the items go through the deployed functions themselves (the built bundles, as those users, with
 * fixed request ids), so the seed loads none of the server code it would otherwise compile on
 * every start. Done once: later starts leave everything as the user left it.
 */
import { mainlandCheckChar } from '../../../src/shared/identity/idNumber';
import { activities } from '../../_core/repositories/activities';
import { seats } from '../../_core/repositories/seats';
import { signupIdOf, signups } from '../../_core/repositories/signups';
import { userIdOf } from '../../_core/repositories/users';
import { findVolunteer } from '../../_core/repositories/volunteers';
import { seedGroupName } from './demoData';

/** Calls a function as a user, the way the HTTP face does; throws on an error envelope. */
export type SeedCall = (fn: string, openid: string, action: string, input: unknown, requestId: string) => Promise<unknown>;

const HOUR = 3600_000;
const ACTIVITY_ID = 'act-demo-meals';
/** A made-up but well-formed ID number (valid check digit) for the demo volunteer. */
const DEMO_ID = (() => {
  const first17 = '11010519580312123';
  return `${first17}${mainlandCheckChar(first17)}`;
})();

const STORE_ITEMS = [
  { key: 'item-bag', name: '环保购物袋', description: '可折叠，能装 10 斤菜', cost: 30, stock: 20, perPersonLimit: 2 },
  { key: 'item-haircut', name: '社区理发券', description: '周三上午社区活动室，凭取货码理发一次', cost: 50, stock: 10, perPersonLimit: 1 },
  { key: 'item-oil', name: '食用油 1 升', description: '居委会办公室领取', cost: 80, stock: 5, perPersonLimit: 1 },
];

const CAPACITY = 10;

/**
 * Every place of the meal delivery has its seat document (the seat model: `capacity` seats).
 * Data folders seeded before this held only the taken seat; the free ones are added once,
 * never touching a seat that exists.
 */
async function ensureMealSeats(): Promise<void> {
  const { total } = await seats().where({ activityId: ACTIVITY_ID }).count();
  if (total >= CAPACITY || !(await activities().doc(ACTIVITY_ID).get()).data.length) return;
  for (let seatNo = 0; seatNo < CAPACITY; seatNo += 1) {
    const ref = seats().doc(`${ACTIVITY_ID}-seat-${seatNo}`);
    if ((await ref.get()).data.length === 0) await ref.set({ activityId: ACTIVITY_ID, seatNo, state: 'free', signupId: null, attemptId: null });
  }
}

export async function seedVolunteerService(call: SeedCall, now = new Date()): Promise<void> {
  const residentId = userIdOf('demo-resident');
  if (await findVolunteer(residentId)) {
    await ensureMealSeats();
    return;
  }
  await call('volunteers', 'demo-resident', 'volunteers.register', { realName: '王秀英', idType: 'mainland_id', idNumber: DEMO_ID, phone: '13800138000', skills: ['助老', '烹饪'], sensitiveConsent: true }, 'seed-volunteer-register');

  const startAt = new Date(now.getTime() - 7 * 24 * HOUR);
  const endAt = new Date(startAt.getTime() + 2 * HOUR);
  await activities()
    .doc(ACTIVITY_ID)
    .set({
      groupId: 'g-beiyuan-taiji',
      groupName: seedGroupName('g-beiyuan-taiji'),
      communityId: 'cm-beiyuan',
      streetId: 'st-chengguan',
      countyId: 'cty-linxi',
      title: '北苑助老送餐',
      description: '为社区独居老人送午餐，顺便聊聊天、看看家里是否安全。',
      category: 'elderly_care',
      coverImage: null,
      startAt,
      endAt,
      location: { name: '北苑社区食堂', address: '北苑路 6 号', latitude: null, longitude: null },
      capacity: CAPACITY,
      signupOpenAt: new Date(0),
      signupCloseAt: startAt,
      cancelCutoffAt: new Date(startAt.getTime() - 24 * HOUR),
      skills: [],
      minAge: null,
      volunteer: { plannedHours: 2, creditsPerHour: 20 },
      isVolunteer: true,
      approvalRequired: false,
      offerWindowHours: 12,
      seriesId: null,
      status: 'published',
      cancelReason: null,
      confirmedCount: 1,
      offeredCount: 0,
      waitlistCount: 0,
      waitSeqNext: 0,
      checkinSecret: 'seed',
      createdBy: residentId,
      createdAt: startAt,
      updatedAt: startAt,
      remindersSent: ['24h', '2h'],
    });
  const signupId = signupIdOf(ACTIVITY_ID, residentId);
  for (let seatNo = 0; seatNo < CAPACITY; seatNo += 1) {
    await seats()
      .doc(`${ACTIVITY_ID}-seat-${seatNo}`)
      .set({ activityId: ACTIVITY_ID, seatNo, state: seatNo === 0 ? 'held' : 'free', signupId: seatNo === 0 ? signupId : null, attemptId: null });
  }
  await signups()
    .doc(signupId)
    .set({
      activityId: ACTIVITY_ID,
      groupId: 'g-beiyuan-taiji',
      userId: residentId,
      startAt,
      status: 'confirmed',
      seatId: `${ACTIVITY_ID}-seat-0`,
      waitSeq: null,
      offerExpiresAt: null,
      proxy: null,
      guardianConsent: false,
      checkedInAt: new Date(startAt.getTime() + 5 * 60_000),
      checkedOutAt: endAt,
      createdAt: startAt,
      updatedAt: endAt,
    });
  await call('volunteers', 'demo-leader', 'hours.confirm', { activityId: ACTIVITY_ID, items: [{ signupId }] }, 'seed-hours-confirm');
  // Item ids derive from the request id, so the fixed ones here make a re-run write the same items.
  for (const { key, ...fields } of STORE_ITEMS) {
    await call('credits', 'demo-committee', 'store.saveItem', { communityId: 'cm-beiyuan', ...fields }, `seed-${key}`);
  }
}
