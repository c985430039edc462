/**
 * Accessibility (WCAG 2.2 AA) of every screen the README shows, in a real browser: axe-core
 * runs over each screen of the H5 build (fresh local cloud, the demo seed plus a few calls for
 * the screens that need a state: a check-in code, a decided case and its appeal, a call-out),
 * in Chinese, in English and in elderly mode. Any serious or critical violation fails the
 * test; moderate and minor ones are printed. One browser; each user's phone is opened once per
 * mode and reused for its screens. Every wait is on a condition, never a fixed delay.
 */
import type { Page } from 'playwright-core';
import { browserSuite, newPhone, on, openRoute, settled } from '../support/browser';
import { applySettings, axeFindings, BLOCKING, type AppSettings, type AxeFinding } from '../support/axe';
import { Client, dataOf } from '../support/localCloud';

const suite = browserSuite();

jest.setTimeout(600_000);

const HOUR = 3600_000;
const GROUP_ID = 'g-beiyuan-taiji';

type Who = 'visitor' | 'resident' | 'leader' | 'committee' | 'street' | 'author' | 'newcomer';

/** One screen of the README: who looks at it, where, and what shows once it has loaded. */
interface Screen {
  name: string;
  who: Who;
  route: () => string;
  ready: string;
  desktop?: boolean;
}

/** What the set-up made, for the routes that name it. */
const made = { fraudTalk: '', soon: '', reportedPost: '', rollCall: '', careRecipient: '', proxyResident: '', notice: '' };

const SCREENS: Screen[] = [
  { name: 'login', who: 'visitor', route: () => '/pages/login/index', ready: '[data-openid="demo-resident"]' },
  { name: 'home', who: 'resident', route: () => '/pages/home/index', ready: '.linli-group-card' },
  { name: 'community', who: 'resident', route: () => '/pages/community/index', ready: '[data-region-id="cm-beiyuan"]' },
  { name: 'group', who: 'resident', route: () => `/pages/group/index?id=${GROUP_ID}`, ready: '.group__action' },
  { name: 'me', who: 'resident', route: () => '/pages/me/index', ready: '.me__settings' },
  { name: 'activities', who: 'resident', route: () => '/pages/activities/index', ready: '.linli-activity-card' },
  { name: 'activity', who: 'resident', route: () => `/pages/activity/index?id=${made.fraudTalk}`, ready: '.activity__action' },
  { name: 'inbox', who: 'resident', route: () => '/pages/inbox/index', ready: '.inbox__item' },
  { name: 'checkin-code', who: 'leader', route: () => `/package-events/code/index?id=${made.soon}`, ready: '.checkin-code__digits' },
  { name: 'roster', who: 'leader', route: () => `/package-events/roster/index?id=${made.fraudTalk}`, ready: '.roster__row' },
  { name: 'found', who: 'resident', route: () => '/package-leader/found/index', ready: '[data-field="name"]' },
  { name: 'review', who: 'committee', route: () => '/package-staff/review/index', ready: '.review__item' },
  { name: 'members', who: 'leader', route: () => `/package-leader/members/index?id=${GROUP_ID}`, ready: '.members__item' },
  { name: 'posts', who: 'leader', route: () => `/pages/group/index?id=${GROUP_ID}`, ready: '.group-post' },
  { name: 'report', who: 'resident', route: () => `/package-me/report/index?type=post&id=${made.reportedPost}&groupId=${GROUP_ID}`, ready: '.report__submit' },
  { name: 'notices', who: 'author', route: () => '/package-me/notices/index', ready: '.notices__item' },
  { name: 'moderation-queue', who: 'committee', route: () => '/package-staff/moderation/index', ready: '.staff-case' },
  { name: 'appeals', who: 'street', route: () => '/package-staff/appeals/index', ready: '.staff-case' },
  { name: 'volunteer-register', who: 'newcomer', route: () => '/package-volunteer/register/index', ready: '[data-field="realName"]' },
  { name: 'volunteer-hours', who: 'resident', route: () => '/package-volunteer/hours/index', ready: '.hours__total' },
  { name: 'volunteer-store', who: 'resident', route: () => '/package-volunteer/store/index', ready: '.store__item' },
  { name: 'volunteer-proofs', who: 'resident', route: () => '/package-volunteer/proofs/index', ready: '.proofs__submit' },
  { name: 'volunteer-verify', who: 'visitor', route: () => '/package-volunteer/verify/index', ready: '.verify__submit' },
  { name: 'rollcall-answer', who: 'resident', route: () => `/package-volunteer/rollcall/index?id=${made.rollCall}`, ready: '.rollcall-answer__title' },
  { name: 'rollcall-tally', who: 'committee', route: () => `/package-staff/rollcall/index?id=${made.rollCall}`, ready: '.rollcall__number--notified' },
  { name: 'needs-board', who: 'resident', route: () => '/package-needs/board/index', ready: '.needs-card' },
  { name: 'community-notice', who: 'resident', route: () => `/package-notices/detail/index?id=${made.notice}`, ready: '.notice-detail__card' },
  { name: 'community-notices-staff', who: 'committee', route: () => '/package-staff/notices/index', ready: '.notices-staff__row' },
  { name: 'dashboard', who: 'street', route: () => '/package-staff/dashboard/index', ready: '.dash-tile--groups', desktop: true },
  { name: 'care-person', who: 'committee', route: () => `/package-care/person/index?id=${made.careRecipient}`, ready: '.care-visits [data-visit]' },
  { name: 'proxy-records', who: 'committee', route: () => `/package-proxy/records/index?residentUserId=${made.proxyResident}`, ready: '.proxy-records__row' },
];

const MODES: Array<{ label: string; settings: AppSettings }> = [
  { label: 'zh-CN', settings: { locale: 'zh-CN', elderly: false } },
  { label: 'English', settings: { locale: 'en', elderly: false } },
  { label: 'elderly mode', settings: { locale: 'zh-CN', elderly: true } },
];

const clients = {} as Record<Exclude<Who, 'visitor'>, Client>;
const pageErrors: string[] = [];
/** Moderate and minor findings of every screen and mode, printed at the end. */
const listed: string[] = [];

/** A resident of 北苑 with a dev session. */
async function resident(openid: string, nickname: string): Promise<Client> {
  const client = await Client.signIn(suite.cloud.url, openid, nickname);
  await dataOf(client.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' }));
  return client;
}

beforeAll(async () => {
  const url = suite.cloud.url;
  clients.resident = await Client.signIn(url, 'demo-resident');
  clients.leader = await Client.signIn(url, 'demo-leader');
  clients.committee = await Client.signIn(url, 'demo-committee');
  clients.street = await Client.signIn(url, 'demo-street');
  // The seed's neighbour who wrote the reported ad: the author of the case the committee decides.
  clients.author = await Client.signIn(url, 'seed-neighbour-01');
  clients.newcomer = await resident('e2e-a11y-new', '新邻居');

  const list = await dataOf<{ items: Array<{ id: string; title: string }> }>(clients.resident.call('activities', 'activities.list', { area: 'community', communityId: 'cm-beiyuan', limit: 50 }));
  made.fraudTalk = list.items.find((item) => item.title === '防诈骗知识讲座')!.id;

  // An activity starting within the hour: its check-in code is on show.
  const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
  const soon = await dataOf<{ ids: string[] }>(
    clients.leader.call('activities', 'activities.create', {
      groupId: GROUP_ID,
      title: '太极晨练加练',
      description: '教练带练二十四式太极拳前八式，请穿宽松衣服和平底鞋。',
      category: 'sports',
      startAt: at(0.5),
      endAt: at(1.5),
      location: { name: '北苑中心广场', address: '城关街道北苑路 1 号', latitude: null, longitude: null },
      capacity: 10,
    }),
  );
  made.soon = soon.ids[0]!;

  // The seed's reported ad: the committee hides it, its author appeals (notices; the street's appeals).
  const queue = await dataOf<{ items: Array<{ id: string; targetId: string }> }>(clients.committee.call('moderation', 'moderation.queue', { state: 'open' }));
  const adCase = queue.items.find((item) => item.targetId === 'post-demo-ad')!;
  await dataOf(clients.committee.call('moderation', 'moderation.decide', { caseId: adCase.id, action: 'hide', reason: '含有商业推销信息' }));
  await dataOf(clients.author.call('moderation', 'moderation.appeal', { caseId: adCase.id, text: '这是邻居托我转发的团购信息，并非推销。' }));

  // A second questionable announcement, reported twice: the committee's queue is not empty.
  const post = await dataOf<{ id: string }>(clients.leader.call('posts', 'posts.create', { groupId: GROUP_ID, text: '周日上午北苑广场有保健品团购，扫码进群再送鸡蛋一盒。' }));
  made.reportedPost = post.id;
  for (const [openid, nickname] of [['e2e-a11y-zhao', '赵阿姨'], ['e2e-a11y-sun', '孙大伯']] as const) {
    const neighbour = await resident(openid, nickname);
    await dataOf(neighbour.call('moderation', 'reports.create', { targetType: 'post', targetId: post.id, reason: 'spam' }));
  }

  // A call-out of 北苑's volunteers: 王阿姨 (a registered volunteer) is asked; the committee has a tally.
  const rollCall = await dataOf<{ id: string }>(
    clients.committee.call('volunteers', 'rollcalls.create', { communityId: 'cm-beiyuan', title: '北门防汛装沙袋', description: '北门低洼处积水，需要装沙袋挡水，请带手套和雨靴。', meetingPlace: '北苑北门岗亭', meetAt: at(1), needed: 6 }),
  );
  made.rollCall = rollCall.id;

  // A person in care with her witnessed consent, paired with 王阿姨 (a registered volunteer), who logged a visit.
  const person = await dataOf<{ id: string }>(
    clients.committee.call('care', 'care.register', { communityId: 'cm-beiyuan', category: 'lone_elder', name: '孙秀英', address: '北苑小区 5 栋 1 单元 102', frequencyDays: 7, consent: { by: 'self', reference: '北苑关爱-2026-015', witnessed: true } }),
  );
  made.careRecipient = person.id;
  const wang = await dataOf<{ profile: { volunteerNo: string } | null }>(clients.resident.call('volunteers', 'volunteers.me', {}, null));
  await dataOf(clients.committee.call('care', 'care.pair', { recipientId: person.id, volunteerNo: wang.profile!.volunteerNo }));
  // Today in China (UTC+8): the day the visit is logged for.
  const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
  await dataOf(clients.resident.call('care', 'care.logVisit', { recipientId: person.id, visitDate: today, minutes: 45, notes: '陪孙奶奶聊天，帮她量了血压' }));

  // A resident without a phone, registered by the committee with her paper consent, signed up for the fraud talk's waitlist by it.
  const proxied = await dataOf<{ residentUserId: string }>(
    clients.committee.call('signups', 'proxies.createResident', { nickname: '刘秀兰', homeCommunityId: 'cm-beiyuan', relation: 'grid_worker', witness: { form: 'paper', ref: '北苑代办-2026-031' } }),
  );
  made.proxyResident = proxied.residentUserId;
  await dataOf(clients.committee.call('signups', 'signups.create', { activityId: made.fraudTalk, forUserId: proxied.residentUserId }));
  // A neighbour's need on 北苑's board, and an urgent committee notice (pinned on home, in the inbox).
  const neighbour = await resident('e2e-a11y-qian', '钱奶奶');
  await dataOf(neighbour.call('needs', 'needs.post', { what: '帮忙去药店买降压药，腿脚不便', category: 'errands', whenFrom: new Date(Date.now() + 24 * HOUR).toISOString().slice(0, 10), place: '北苑小区 3 栋 2 单元 501', phone: '13900001111' }));
  const notice = await dataOf<{ id: string }>(
    clients.committee.call('notices', 'notices.post', { communityId: 'cm-beiyuan', title: '明日停水通知', body: '因管网检修，明天 8:00–14:00 北苑小区 1–6 栋停水，请提前储水。', kind: 'water_power', urgent: true, validUntil: at(30) }),
  );
  made.notice = notice.id;
});

const PHONE = { width: 375, height: 812 };
const DESK = { width: 1280, height: 800 };
/** The tallest viewport a screen is judged in (a long list is judged by its first few thousand pixels). */
const MAX_HEIGHT = 4000;

/** Opens `screen` on `page` and waits until its content shows. */
async function show(page: Page, screen: Screen): Promise<void> {
  await page.setViewportSize(screen.desktop ? DESK : PHONE);
  await openRoute(page, suite.cloud.url, screen.route());
  await on(page, screen.ready).first().waitFor();
  await settled(page);
}

/**
 * Makes the viewport as tall as the screen's content. axe judges what is on screen: at the scroll
 * position a page opens at, a form's sticky submit bar covers part of whatever chip lies under
 * it, and axe's target-size rule then counts that chip as too small, though the resident scrolls
 * it clear; below the fold, colours are judged with less certainty. With the whole screen in
 * view every element is judged whole (the sticky bar sits after the content).
 */
async function wholeScreenInView(page: Page, screen: Screen): Promise<void> {
  const base = screen.desktop ? DESK : PHONE;
  const height = await page.evaluate(() => Math.max(document.documentElement.scrollHeight, ...Array.from(document.querySelectorAll('.taro_page:not(.taro_page_shade)'), (element) => element.scrollHeight)));
  if (height <= base.height) return;
  await page.setViewportSize({ width: base.width, height: Math.min(height, MAX_HEIGHT) });
  // The resize's layout is done by the next frame.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
}

/** Presses Tab until the focus is on an element matching `selector` (at most 80 presses). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press('Tab');
    const there = await page.evaluate((wanted) => document.activeElement?.closest('.taro_page:not(.taro_page_shade)') !== null && !!document.activeElement?.matches(wanted), selector);
    if (there) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const describeFinding = (screen: string, mode: string, finding: AxeFinding) =>
  `${mode} · ${screen} · ${finding.impact ?? 'unknown'} · ${finding.rule}: ${finding.help} — ${finding.targets.join(' | ')} — ${finding.summary}`;

describe('accessibility: axe-core on every README screen, keyboard and tap targets (H5 on the local cloud)', () => {
  for (const mode of MODES) {
    it(`has no serious or critical violation in ${mode.label}`, async () => {
      const phones = new Map<Who, Page>();
      const phoneOf = async (who: Who): Promise<Page> => {
        const existing = phones.get(who);
        if (existing) return existing;
        const page = await newPhone(suite.browser, who === 'visitor' ? null : clients[who].token, `${mode.label} ${who}`, pageErrors);
        await applySettings(page, mode.settings);
        phones.set(who, page);
        return page;
      };
      const blocking: string[] = [];
      try {
        for (const screen of SCREENS) {
          const page = await phoneOf(screen.who);
          await show(page, screen);
          if (mode.settings.elderly) await on(page, '.linli-page--elderly').first().waitFor();
          await wholeScreenInView(page, screen);
          for (const finding of await axeFindings(page)) {
            const line = describeFinding(screen.name, mode.label, finding);
            if (finding.impact && BLOCKING.has(finding.impact)) blocking.push(line);
            else listed.push(line);
          }
        }
      } finally {
        for (const page of phones.values()) await page.context().close();
      }
      expect(blocking).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  }

  it('reaches an activity card and the main button of the activity with Tab, and Enter acts on each', async () => {
    const page = await newPhone(suite.browser, clients.resident.token, 'keyboard', pageErrors);
    try {
      await openRoute(page, suite.cloud.url, '/pages/activities/index');
      await on(page, '.linli-activity-card').first().waitFor();
      await settled(page);
      await tabTo(page, '.linli-activity-card');
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/pages\/activity\/index\?id=/);
      await on(page, '.activity__action').waitFor();
      await settled(page);
      await tabTo(page, '.activity__action');
      await page.keyboard.press('Enter');
      // Whatever the action was (sign up, join the waitlist), it answered with a status.
      await on(page, '.activity__status').first().waitFor();
    } finally {
      await page.context().close();
    }
    expect(pageErrors).toEqual([]);
  });

  it('draws every tap target at least 44 CSS px high, in normal and elderly mode', async () => {
    const tooSmall: string[] = [];
    for (const elderly of [false, true]) {
      const targets: Array<{ who: Exclude<Who, 'visitor'>; route: string; selectors: string[] }> = [
        { who: 'resident', route: '/pages/home/index', selectors: elderly ? ['.home__search-button'] : ['.linli-type-filter__chip'] },
        { who: 'resident', route: '/pages/activities/index', selectors: elderly ? ['.linli-day-strip .linli-chips__chip'] : ['.linli-day-strip .linli-chips__chip', '.activities__categories .linli-chips__chip'] },
        { who: 'resident', route: '/pages/settings/index', selectors: ['.settings__elderly-switch'] },
        { who: 'resident', route: '/package-leader/found/index', selectors: ['.linli-choice', '.nut-inputnumber-add', '.nut-inputnumber-minus'] },
        { who: 'committee', route: '/package-staff/review/index', selectors: ['.review__approve', '.review__reject'] },
        { who: 'committee', route: '/package-care/register/index?communityId=cm-beiyuan', selectors: ['.linli-choice', '.care-witnessed', '.care-register__submit'] },
        { who: 'committee', route: `/package-care/person/index?id=${made.careRecipient}`, selectors: ['.care-pair', '.care-unpair', '.care-close .linli-choice'] },
        { who: 'committee', route: '/package-proxy/create/index', selectors: ['.linli-choice', '.proxy-create__submit'] },
        { who: 'resident', route: '/package-needs/post/index', selectors: ['.linli-choice', '.needs-post__submit'] },
        { who: 'resident', route: '/package-needs/board/index', selectors: ['.needs-card', '.needs-board__post'] },
        { who: 'resident', route: '/pages/home/index', selectors: ['.urgent-notices__main', '.urgent-notices__dismiss'] },
        { who: 'committee', route: '/package-staff/notices/index', selectors: ['.linli-choice', '.notices-staff__show-reads', '.notices-staff__withdraw'] },
      ];
      for (const { who, route, selectors } of targets) {
        const page = await newPhone(suite.browser, clients[who].token, `targets ${who}`, pageErrors);
        await applySettings(page, { locale: 'zh-CN', elderly });
        try {
          await openRoute(page, suite.cloud.url, route);
          for (const selector of selectors) {
            await on(page, selector).first().waitFor();
            await settled(page);
            // The tap area: the element's box, or the larger hit area a ::after draws around it (switches).
            const sizes = await on(page, selector).evaluateAll((elements) =>
              elements.map((element) => {
                const box = element.getBoundingClientRect();
                const after = getComputedStyle(element, '::after');
                const hit = after.content !== 'none' && after.position === 'absolute' ? parseFloat(after.height) || 0 : 0;
                return Math.max(box.height, hit);
              }),
            );
            const smallest = Math.min(...sizes);
            if (!(smallest >= 44)) tooSmall.push(`${elderly ? 'elderly' : 'normal'} ${route} ${selector}: ${smallest.toFixed(1)} px`);
          }
        } finally {
          await page.context().close();
        }
      }
    }
    expect(tooSmall).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  afterAll(() => {
    // The moderate and minor findings, for whoever improves the screens next.
    console.log(listed.length === 0 ? 'axe: no moderate or minor findings' : `axe: ${listed.length} moderate or minor findings\n${listed.join('\n')}`);
  });
});
