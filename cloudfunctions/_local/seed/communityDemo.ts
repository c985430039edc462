/**
 * What a first-time visitor should meet on any day: upcoming activities of 北苑 (one with seats,
 * one full with a waitlist, one volunteer activity), a recent announcement, and in the
 * committee's queue a report with the reporters' own words (the pending group application is
 * 北苑园艺小组 of demoData).
 *
 * Staying fresh without breaking anything: activities are written per China week, with ids keyed
 * by the Monday of that week, and scheduled in the week after it. A start in week N writes batch N
 * (so there are always activities 1–7 days ahead); a later start in the same week finds the batch
 * and writes nothing; a start in week N+1 adds batch N+1 beside it, and batch N turns into history
 * as its days pass. A batch is never rewritten, so whatever visitors did to it (sign-ups,
 * cancellations, check-ins) stands, and its seats and counters stay consistent: they are written
 * once, together, following the seat model (docs/activities.md "Seats").
 */
import { activities, type ActivityDoc } from '../../_core/repositories/activities';
import { Collections } from '../../_core/repositories/collections';
import { seats, type SeatDoc } from '../../_core/repositories/seats';
import { signupIdOf, signups, type SignupDoc } from '../../_core/repositories/signups';
import { userIdOf } from '../../_core/repositories/users';
import { database } from '../../_core/runtime/cloudbase';
import { seedGroupName } from './demoData';
import type { SeedCall } from './volunteerDemo';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;

interface DemoActivity {
  key: string;
  groupId: string;
  leader: string;
  title: string;
  description: string;
  category: ActivityDoc['category'];
  /** Days after the Monday of the week it happens in, and the China clock (hours). */
  day: number;
  hour: number;
  hours: number;
  location: string;
  address: string;
  capacity: number;
  /** openids with a seat, then openids waiting in this order. */
  confirmed: string[];
  waiting: string[];
  volunteer: ActivityDoc['volunteer'];
}

const neighbour = (n: number) => `seed-neighbour-${String(n).padStart(2, '0')}`;

export const demoActivities: DemoActivity[] = [
  {
    key: 'taiji',
    groupId: 'g-beiyuan-taiji',
    leader: 'demo-leader',
    title: '太极体验课',
    description: '二十四式太极拳入门，零基础可以跟练。请穿运动鞋，自带水杯。',
    category: 'sports',
    day: 1,
    hour: 7,
    hours: 1,
    location: '北苑中心广场',
    address: '北苑路 1 号',
    capacity: 12,
    confirmed: [neighbour(1), neighbour(2), neighbour(3)],
    waiting: [],
    volunteer: null,
  },
  {
    key: 'fraud-talk',
    groupId: 'g-beiyuan-huzhu',
    leader: 'demo-leader',
    title: '防诈骗知识讲座',
    description: '派出所民警讲解冒充客服、保健品推销等常见骗局，现场答疑。座位有限，满员后可候补。',
    category: 'learning',
    day: 2,
    hour: 14.5,
    hours: 1.5,
    location: '北苑社区活动室',
    address: '北苑路 6 号二楼',
    capacity: 3,
    confirmed: [neighbour(1), neighbour(2), neighbour(3)],
    waiting: [neighbour(4), neighbour(5)],
    volunteer: null,
  },
  {
    key: 'cleanup',
    groupId: 'g-beiyuan-huzhu',
    leader: 'demo-leader',
    title: '楼道清洁志愿服务',
    description: '清理楼道杂物、擦拭扶手，给独居老人家门口贴上联系卡。计入志愿服务时长。',
    category: 'volunteer',
    day: 5,
    hour: 9,
    hours: 2,
    location: '北苑小区 3 栋',
    address: '北苑路 8 号',
    capacity: 8,
    confirmed: [neighbour(2)],
    waiting: [],
    volunteer: { plannedHours: 2, creditsPerHour: 10 },
  },
];

/** The Monday (China day index since 1970-01-01) of the China week holding `now`. */
function mondayIndexOf(now: Date): number {
  const dayIndex = Math.floor((now.getTime() + CHINA_OFFSET) / DAY);
  // 1970-01-01 was a Thursday: day 4 was the first Monday.
  return dayIndex - ((((dayIndex - 4) % 7) + 7) % 7);
}

const dayKey = (dayIndex: number) => new Date(dayIndex * DAY).toISOString().slice(0, 10).replace(/-/g, '');
/** The instant of a China wall-clock time on a China day index. */
const chinaInstant = (dayIndex: number, hour: number) => new Date(dayIndex * DAY - CHINA_OFFSET + hour * HOUR);

/** The id of a demo activity of the batch written in the week of `now`. */
export function demoActivityId(key: string, now: Date): string {
  return `act-demo-${dayKey(mondayIndexOf(now))}-${key}`;
}

/** Writes this week's batch of upcoming activities once (see the file comment). */
async function seedWeekActivities(now: Date): Promise<void> {
  const nextMonday = mondayIndexOf(now) + 7;
  for (const demo of demoActivities) {
    const id = demoActivityId(demo.key, now);
    const { data } = await activities().doc(id).get();
    if (data.length > 0) continue;
    const startAt = chinaInstant(nextMonday + demo.day, demo.hour);
    const endAt = new Date(startAt.getTime() + demo.hours * HOUR);
    const createdAt = now;
    // Seats and sign-ups first, the activity last: until it exists nobody can reach them, so a
    // start that died half-way rewrites the same documents on the next one.
    for (let seatNo = 0; seatNo < demo.capacity; seatNo += 1) {
      const holder = demo.confirmed[seatNo];
      const seat: Omit<SeatDoc, '_id'> = {
        activityId: id,
        seatNo,
        state: holder ? 'held' : 'free',
        signupId: holder ? signupIdOf(id, userIdOf(holder)) : null,
        attemptId: null,
      };
      await seats().doc(`${id}-seat-${seatNo}`).set(seat);
    }
    const people = [...demo.confirmed.map((openid, i) => ({ openid, seatNo: i, waitSeq: null })), ...demo.waiting.map((openid, i) => ({ openid, seatNo: null, waitSeq: i + 1 }))];
    for (const [order, person] of people.entries()) {
      const userId = userIdOf(person.openid);
      // One minute apart, in line order, so "who signed up first" reads as the line does.
      const at = new Date(createdAt.getTime() - (people.length - order) * 60_000);
      const signup: Omit<SignupDoc, '_id'> = {
        activityId: id,
        groupId: demo.groupId,
        userId,
        startAt,
        status: person.seatNo === null ? 'waitlisted' : 'confirmed',
        seatId: person.seatNo === null ? null : `${id}-seat-${person.seatNo}`,
        attempt: null,
        waitSeq: person.waitSeq,
        offerExpiresAt: null,
        proxy: null,
        guardianConsent: false,
        checkedInAt: null,
        checkedOutAt: null,
        createdAt: at,
        updatedAt: at,
      };
      await signups().doc(signupIdOf(id, userId)).set(signup);
    }
    const activity: Omit<ActivityDoc, '_id'> = {
      groupId: demo.groupId,
      groupName: seedGroupName(demo.groupId),
      communityId: 'cm-beiyuan',
      streetId: 'st-chengguan',
      countyId: 'cty-linxi',
      title: demo.title,
      description: demo.description,
      category: demo.category,
      coverImage: null,
      startAt,
      endAt,
      location: { name: demo.location, address: demo.address, latitude: null, longitude: null },
      capacity: demo.capacity,
      signupOpenAt: createdAt,
      signupCloseAt: startAt,
      cancelCutoffAt: new Date(startAt.getTime() - 24 * HOUR),
      skills: [],
      minAge: null,
      volunteer: demo.volunteer,
      isVolunteer: demo.volunteer !== null,
      approvalRequired: false,
      offerWindowHours: 12,
      seriesId: null,
      status: 'published',
      cancelReason: null,
      confirmedCount: demo.confirmed.length,
      offeredCount: 0,
      waitlistCount: demo.waiting.length,
      waitSeqNext: demo.waiting.length,
      checkinSecret: `seed-${id}`,
      createdBy: userIdOf(demo.leader),
      createdAt,
      updatedAt: createdAt,
      remindersSent: [],
    };
    await activities().doc(id).set(activity);
  }
}

/** This week's announcement of the taiji group: what is on next week. Written once a week. */
async function seedWeekAnnouncement(now: Date): Promise<void> {
  const id = `post-demo-${dayKey(mondayIndexOf(now))}`;
  const posts = database().collection(Collections.posts);
  const { data } = await posts.doc(id).get();
  if (data.length > 0) return;
  await posts.doc(id).set({
    groupId: 'g-beiyuan-taiji',
    authorId: userIdOf('demo-leader'),
    text: '下周二早上 7 点在中心广场上太极体验课，零基础也欢迎，名额 12 个，在“活动”里报名。互助会周三下午的防诈骗讲座已满员，可以排候补。',
    images: [],
    imagesPending: 0,
    createdAt: now,
    removedAt: null,
    removedBy: null,
    removeReason: null,
  });
}

const AD_POST = 'post-demo-ad';
/** Two neighbours' reports of the ad: below the auto-hide threshold, so it waits for the committee. */
const AD_REPORTS = [
  { openid: neighbour(2), reason: 'spam', text: undefined },
  { openid: neighbour(3), reason: 'other', text: '夸大疗效，像是骗老人买保健品' },
] as const;

/**
 * A dubious announcement reported by two neighbours, so the committee's queue has a case with
 * the reporters' words. Reports go through the deployed function (the case is built as for any
 * report); a report already there — or decided by a visitor since — is left alone.
 */
async function seedReportedPost(call: SeedCall, now: Date): Promise<void> {
  const posts = database().collection(Collections.posts);
  const { data } = await posts.doc(AD_POST).get();
  // Removed by its group's leader while trying the app: nothing left to report.
  if ((data[0] as { removedAt?: Date | null } | undefined)?.removedAt) return;
  if (data.length === 0) {
    await posts.doc(AD_POST).set({
      groupId: 'g-beiyuan-taiji',
      authorId: userIdOf(neighbour(1)),
      text: '进口深海鱼油特价代购，降三高、治失眠，加微信 yf8899 领试用装！',
      images: [],
      imagesPending: 0,
      createdAt: new Date(now.getTime() - 26 * HOUR),
      removedAt: null,
      removedBy: null,
      removeReason: null,
    });
  }
  for (const report of AD_REPORTS) {
    const reporterId = userIdOf(report.openid);
    const { data: existing } = await database().collection(Collections.reports).where({ reporterId, targetId: AD_POST }).limit(1).get();
    if (existing.length > 0) continue;
    await call('moderation', report.openid, 'reports.create', { targetType: 'post', targetId: AD_POST, reason: report.reason, ...(report.text ? { text: report.text } : {}) }, `seed-report-${report.openid}`);
  }
}

/** Applies the community demo; safe on every start. */
export async function seedCommunityDemo(call: SeedCall, now: Date): Promise<void> {
  await seedWeekActivities(now);
  await seedWeekAnnouncement(now);
  await seedReportedPost(call, now);
}
