/**
 * The committee-notice journey in a real browser (H5 build on a real local cloud, fresh data
 * folder; docs/notices.md): 张主任 (committee of 北苑) writes an urgent notice on the staff form —
 * a refused first try scrolls to the problem and lists it by the button — and publishes it; a
 * resident of 北苑 finds it pinned on her home page and, unread, in her inbox; she opens it,
 * which marks it read (one read mark, counted on the staff side), and 知道了 takes it off home.
 * Screenshots for the README: the staff form and list, the notice as she reads it.
 * Every wait is on a condition, never a fixed delay.
 */
import type { Page } from 'playwright-core';
import { userIdOf } from '../../cloudfunctions/_core/repositories/users';
import { browserSuite, choose, newPhone, on, openRoute, screenshot, settled } from '../support/browser';
import { allDocsOf, databaseOf, type Db } from '../support/fixtures';
import { Client } from '../support/localCloud';

const suite = browserSuite();
jest.setTimeout(240_000);

const TITLE = '明日停水通知';
const BODY = '因管网检修，明天 8:00–14:00 北苑小区 1–6 栋停水，请提前储水。';

let db: Db;
const pageErrors: string[] = [];
const open = (page: Page, route: string) => openRoute(page, suite.cloud.url, route);

beforeAll(() => {
  db = databaseOf(suite.cloud);
});

/** A resident's read marks of committee notices. */
const readsOf = (openid: string) => allDocsOf<{ userId: string; dismissedAt: unknown }>(db, 'notice_reads', { userId: userIdOf(openid) });

/** The answer to the page's next inbox.markRead call. */
const markReadAnswer = (page: Page) => page.waitForResponse((response) => response.url().endsWith('/api/functions/inbox') && (response.request().postData() ?? '').includes('"inbox.markRead"'));

describe('committee notices: staff post one, a resident sees it pinned and in her inbox, reads it (H5 on the local cloud)', () => {
  let staff: Page;
  let resident: Page;
  let noticeId = '';

  it('the committee writes an urgent notice; a refused try says why by the button; it is published', async () => {
    const committee = await Client.signIn(suite.cloud.url, 'demo-committee');
    staff = await newPhone(suite.browser, committee.token, 'committee', pageErrors);
    await open(staff, '/package-staff/notices/index');
    await on(staff, '[data-field="title"] input').waitFor();
    // Nothing chosen yet: the summary stands by the publish button and nothing is posted.
    await on(staff, '.notices-staff__publish').click();
    await on(staff, '.linli-submit-bar [role="alert"] [data-summary-field="title"]').waitFor();
    expect(await allDocsOf(db, 'notices', { communityId: 'cm-beiyuan' })).toEqual([]);

    await on(staff, '[data-field="title"] input').fill(TITLE);
    await on(staff, '[data-field="body"] textarea').fill(BODY);
    await choose(staff, '[data-field="kind"] [data-value="water_power"]');
    await choose(staff, '[data-field="urgent"] [data-value="yes"]');
    await on(staff, '.notices-staff__publish').click();
    const row = on(staff, '.notices-staff__row').filter({ hasText: TITLE });
    await row.waitFor();
    const [stored] = await allDocsOf<{ _id: string; status: string; urgent: boolean }>(db, 'notices', { communityId: 'cm-beiyuan' });
    expect(stored).toMatchObject({ status: 'published', urgent: true });
    noticeId = stored!._id;
    await screenshot(staff, 'community-notices-staff');
  });

  it('a resident of 北苑 finds it pinned on home and unread in her inbox', async () => {
    const wang = await Client.signIn(suite.cloud.url, 'demo-resident');
    resident = await newPhone(suite.browser, wang.token, 'resident', pageErrors);
    await open(resident, '/pages/home/index');
    await on(resident, `.urgent-notices__item[data-notice-id="${noticeId}"]`).filter({ hasText: TITLE }).waitFor();

    // Opening the inbox marks what it shows read (the items keep their "new" mark for this visit).
    const marked = markReadAnswer(resident);
    await open(resident, '/pages/inbox/index');
    const item = on(resident, `.inbox__item[data-item-id="notice:${noticeId}"]`);
    await item.waitFor();
    expect(await item.getAttribute('class')).toContain('inbox__item--unread');
    expect(await item.textContent()).toContain('【紧急】');
    await marked;
    expect(await readsOf('demo-resident')).toHaveLength(1);
  });

  it('she opens it from the inbox with the keyboard; it is read once; 知道了 takes it off home', async () => {
    await open(resident, '/pages/inbox/index');
    const item = on(resident, `.inbox__item[data-item-id="notice:${noticeId}"]`);
    await item.waitFor();
    await settled(resident);
    await item.focus();
    await resident.keyboard.press('Enter');
    await resident.waitForURL(/#\/package-notices\/detail\/index\?id=/);
    await on(resident, `.notice-detail__card[data-notice-id="${noticeId}"]`).waitFor();
    await screenshot(resident, 'community-notice');
    // However often she opens it, she has one read mark.
    expect(await readsOf('demo-resident')).toHaveLength(1);

    await open(resident, '/pages/home/index');
    const pin = on(resident, `.urgent-notices__item[data-notice-id="${noticeId}"]`);
    await pin.waitFor();
    const dismissed = resident.waitForResponse((response) => response.url().endsWith('/api/functions/notices') && (response.request().postData() ?? '').includes('"notices.dismiss"'));
    await pin.locator('.urgent-notices__dismiss').click();
    await pin.waitFor({ state: 'detached' });
    await dismissed;
    await open(resident, '/pages/home/index');
    await on(resident, '.linli-group-card').first().waitFor();
    await settled(resident);
    expect(await on(resident, '.urgent-notices__item').count()).toBe(0);
    // Dismissing kept her one read mark (it counts as reading, never a second mark).
    const [mark] = await readsOf('demo-resident');
    expect(await readsOf('demo-resident')).toHaveLength(1);
    expect(mark!.dismissedAt).not.toBeNull();
  });

  it('the committee sees it read by one resident', async () => {
    await open(staff, '/package-staff/notices/index');
    const row = on(staff, `.notices-staff__row[data-notice-id="${noticeId}"]`);
    await row.locator('.notices-staff__show-reads').click();
    await row.locator('.notices-staff__reads').waitFor();
    expect(await row.locator('.notices-staff__reads').textContent()).toMatch(/^已读 1 /);
    expect(pageErrors).toEqual([]);
  });
});
