/**
 * The activity journey in a real browser (H5 build on a real local cloud, fresh data folder):
 * a leader (demo-leader, 北苑晨练太极队) posts a one-seat activity starting within the hour;
 * 王阿姨 takes the seat, a second resident joins the waitlist; 王阿姨 cancels (late: the
 * warning shows first); the second resident finds the seat offer in her inbox and confirms it;
 * the leader shows the check-in code, she types it in and is checked in; the roster shows it.
 * Three phones (browser contexts) at once. Every wait is on a condition, never a fixed delay.
 */
import type { Page } from 'playwright-core';
import { browserSuite, newPhone, on, screenshot } from '../support/browser';
import { chinaClock, chinaDay } from '../../src/utils/chinaTime';
import { Client, dataOf } from '../support/localCloud';

const suite = browserSuite();

const HOUR = 3600_000;

jest.setTimeout(240_000);

const pageErrors: string[] = [];

/** A phone (browser context) for a client: signed in with its dev session, or a visitor. */
async function phone(openid: string, nickname?: string): Promise<Page> {
  const client = await Client.signIn(suite.cloud.url, openid, nickname);
  return newPhone(suite.browser, client.token, openid, pageErrors);
}

beforeAll(async () => {
  // Two more activities of the leader's groups, so the list looks like a week in 北苑.
  const leader = await Client.signIn(suite.cloud.url, 'demo-leader');
  const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
  await dataOf(
    leader.call('activities', 'activities.create', {
      groupId: 'g-beiyuan-huzhu',
      title: '高龄老人上门探访',
      description: '两人一组上门探访独居高龄老人，陪聊天、量血压、登记生活需求。',
      category: 'elderly_care',
      startAt: at(26),
      endAt: at(29),
      location: { name: '北苑社区居委会', address: '城关街道北苑路 12 号', latitude: null, longitude: null },
      capacity: 8,
      volunteer: { plannedHours: 3, creditsPerHour: 10 },
    }),
  );
  await dataOf(
    leader.call('activities', 'activities.create', {
      groupId: 'g-beiyuan-taiji',
      title: '二十四式太极拳公开课',
      description: '零基础跟练二十四式太极拳，教练现场纠正动作，请穿宽松衣服。',
      category: 'sports',
      startAt: at(50),
      endAt: at(51.5),
      location: { name: '北苑中心广场', address: '城关街道北苑路 1 号', latitude: 30.27, longitude: 120.15 },
      capacity: 30,
    }),
  );
});

describe('activities: post, sign up, waitlist, offer, check-in (H5 on the local cloud)', () => {
  let leader: Page;
  let wang: Page;
  let zhao: Page;
  let activityId = '';
  let code = '';

  it('a leader posts a one-seat activity that starts within the hour', async () => {
    leader = await phone('demo-leader');
    await leader.goto(`${suite.cloud.url}/#/pages/group/index?id=g-beiyuan-taiji`);
    await on(leader, '.linli-group-activities__create').click();
    await leader.waitForURL(/#\/package-events\/edit\/index\?groupId=g-beiyuan-taiji/);
    await on(leader, '.events-edit__for').filter({ hasText: '北苑晨练太极队' }).waitFor();

    // Starts in 30 minutes (China time), ends an hour later: check-in is open from now.
    const start = Math.ceil((Date.now() + 0.5 * HOUR) / 60_000) * 60_000;
    const end = start + HOUR;
    await on(leader, '.events-form__title input').fill('太极体验课（限 1 人）');
    await on(leader, '.events-form__categories [data-value="sports"]').click();
    await on(leader, '.events-form__description textarea').fill('教练一对一带练二十四式太极拳前八式，请穿宽松衣服和平底鞋。');
    await on(leader, '.events-form__start .linli-datetime__day input').fill(chinaDay(start));
    await on(leader, '.events-form__start .linli-datetime__clock input').fill(chinaClock(start));
    await on(leader, '.events-form__end .linli-datetime__day input').fill(chinaDay(end));
    await on(leader, '.events-form__end .linli-datetime__clock input').fill(chinaClock(end));
    await on(leader, '.events-form__location-name input').fill('北苑中心广场');
    await on(leader, '.events-form__location-address input').fill('城关街道北苑路 1 号');
    await on(leader, '.events-form__capacity input').fill('1');
    await on(leader, '.events-form__submit').click();

    await leader.waitForURL(/#\/pages\/activity\/index\?id=a[0-9a-f]+/);
    activityId = /id=(a[0-9a-f]+)/.exec(leader.url())![1]!;
    await on(leader, '.activity__title').filter({ hasText: '太极体验课（限 1 人）' }).waitFor();
    await on(leader, '.activity__tools').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('王阿姨 finds it in the activities tab and takes the seat', async () => {
    wang = await phone('demo-resident');
    await wang.goto(`${suite.cloud.url}/#/pages/activities/index`);
    await on(wang, '.linli-activity-card').filter({ hasText: '高龄老人上门探访' }).waitFor();
    const card = on(wang, `[data-activity-id="${activityId}"]`);
    await card.filter({ hasText: '剩 1 个名额' }).waitFor();
    await screenshot(wang, 'activities');

    await card.click();
    await wang.waitForURL(new RegExp(`#/pages/activity/index\\?id=${activityId}`));
    await on(wang, '.activity__action').filter({ hasText: '立即报名' }).click();
    await on(wang, '.activity__status--confirmed').waitFor();
    await on(wang, '.activity__seat-value').first().filter({ hasText: '0' }).waitFor();
  });

  it('a second resident is waitlisted, first in line', async () => {
    const neighbour = await Client.signIn(suite.cloud.url, 'e2e-zhao', '赵阿姨');
    await dataOf(neighbour.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' }));
    zhao = await phone('e2e-zhao');
    await zhao.goto(`${suite.cloud.url}/#/pages/activity/index?id=${activityId}`);
    await on(zhao, '.activity__action').filter({ hasText: '名额已满，加入候补' }).click();
    await on(zhao, '.activity__status--waitlisted').filter({ hasText: '你在候补名单第 1 位' }).waitFor();
    await screenshot(zhao, 'activity');
  });

  it('王阿姨 cancels: being within the cutoff, she is warned it counts as late', async () => {
    await on(wang, '.activity__cancel').click();
    await on(wang, '.linli-confirm').filter({ hasText: '现在取消会记为迟退' }).waitFor();
    await on(wang, '.linli-confirm .nut-dialog-footer-ok').click();
    await on(wang, '.activity__status--late_cancelled').waitFor();
  });

  it('the second resident gets the offer in her inbox and confirms it', async () => {
    await zhao.goto(`${suite.cloud.url}/#/pages/me/index`);
    // Two unread: her own waitlist place, then the offer.
    await on(zhao, '.linli-events-menu__inbox .linli-events-menu__badge').filter({ hasText: '2' }).waitFor();
    await on(zhao, '.linli-events-menu__inbox').click();
    await zhao.waitForURL(/#\/pages\/inbox\/index/);
    const offer = on(zhao, '.inbox__item[data-kind="seat_offer"]');
    await offer.filter({ hasText: '新' }).waitFor();
    await screenshot(zhao, 'inbox');

    await offer.click();
    await zhao.waitForURL(new RegExp(`#/pages/activity/index\\?id=${activityId}`));
    await on(zhao, '.activity__status--offered .activity__countdown-value').waitFor();
    await on(zhao, '.activity__action').filter({ hasText: '确认参加' }).click();
    await on(zhao, '.activity__status--confirmed').waitFor();
  });

  it('the leader shows the check-in code; she types it and is checked in', async () => {
    await on(leader, '.activity__tool-code').click();
    await leader.waitForURL(/#\/package-events\/code\/index/);
    const digits = on(leader, '.checkin-code__digits');
    await digits.waitFor();
    await leader.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.taro_page:not(.taro_page_shade) .checkin-code__qr img');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    code = ((await digits.textContent()) ?? '').replace(/\D/g, '');
    expect(code).toMatch(/^\d{6}$/);
    await screenshot(leader, 'checkin-code');

    await on(zhao, '.activity__action').filter({ hasText: '去签到' }).click();
    await zhao.waitForURL(new RegExp(`#/pages/checkin/index\\?id=${activityId}`));
    await on(zhao, '.linli-code-input input').fill(code);
    await on(zhao, '.checkin__submit').click();
    await on(zhao, '.checkin__done').filter({ hasText: '签到成功' }).waitFor();
  });

  it('the roster shows who came, who cancelled late, and who is checked in', async () => {
    await on(leader, '.checkin-code__roster').click();
    await leader.waitForURL(/#\/package-events\/roster\/index/);
    const row = on(leader, '.roster__section--confirmed .roster__row');
    await row.filter({ hasText: '赵阿姨' }).filter({ has: leader.locator('.roster__times', { hasText: '签到' }) }).waitFor();
    await on(leader, '.roster__section--other .roster__row').filter({ hasText: '王阿姨' }).filter({ hasText: '迟退' }).waitFor();
    await screenshot(leader, 'roster');
    expect(pageErrors).toEqual([]);
  });
});
