/**
 * The care register in a real browser (H5 build on a real local cloud, fresh data folder; issue
 * 18 item 2, audited against issue 16): 张主任 (demo-committee) registers a resident who lives
 * alone — only with her witnessed consent, refused and scrolled to the problems without it —
 * pairs a registered volunteer by her number, the volunteer finds her in 我的结对 and logs a
 * visit, the committee sees the visit in the log, and its hours wait in the committee's review
 * queue. Every wait is on a condition, never a fixed delay.
 */
import type { Page } from 'playwright-core';
import { browserSuite, choose, newPhone, on, openRoute, screenshot } from '../support/browser';
import { allDocsOf, databaseOf, type Db } from '../support/fixtures';
import { Client, dataOf } from '../support/localCloud';
import { idFor, registerVolunteer } from '../support/volunteers';

const suite = browserSuite();
jest.setTimeout(240_000);

const NAME = '孙秀英';
const ADDRESS = '北苑小区 5 栋 1 单元 102';
const NOTES = '陪孙奶奶聊天，帮她量了血压，提醒按时吃药';

let db: Db;
const pageErrors: string[] = [];
const phone = (client: Client, who: string) => newPhone(suite.browser, client.token, who, pageErrors);
const open = (page: Page, route: string) => openRoute(page, suite.cloud.url, route);

beforeAll(() => {
  db = databaseOf(suite.cloud);
});

describe('care: register with consent, pair, visit, review (H5 on the local cloud)', () => {
  let committee: Page;
  let volunteerPage: Page;
  let volunteerNo = '';
  let personId = '';

  it('the committee registers a resident only with her witnessed consent', async () => {
    committee = await phone(await Client.signIn(suite.cloud.url, 'demo-committee'), 'committee');
    await open(committee, '/package-care/list/index');
    await on(committee, '.care-add').click();
    await on(committee, '[data-field="category"]').waitFor();
    await choose(committee, '[data-field="category"] [data-value="lone_elder"]');
    await on(committee, '[data-field="name"] input').fill(NAME);
    await on(committee, '[data-field="address"] input').fill(ADDRESS);
    // The counter reads the contract's limit as she types.
    await on(committee, '[data-field="address"] .linli-counter').filter({ hasText: `${ADDRESS.length}/100` }).waitFor();
    // Without consent the form refuses by the button and names what is missing.
    await on(committee, '.care-register__submit').click();
    await on(committee, '.linli-form-summary [data-summary-field="reference"]').waitFor();
    await on(committee, '.linli-form-summary [data-summary-field="witnessed"]').waitFor();
    expect(await allDocsOf(db, 'care_recipients', { name: NAME })).toEqual([]);

    await on(committee, '[data-field="reference"] input').fill('北苑关爱-2026-015');
    await on(committee, '.care-witnessed').click();
    await on(committee, '.care-register__submit').click();
    await committee.waitForURL(/package-care\/person\/index\?id=/);
    await on(committee, '.care-card__name').filter({ hasText: NAME }).waitFor();
    personId = new URL(committee.url().replace('/#/', '/')).searchParams.get('id') ?? '';
    expect(personId).not.toBe('');
    await on(committee, '.care-consent').filter({ hasText: '北苑关爱-2026-015' }).waitFor();
  });

  it('the committee pairs a registered volunteer by her number', async () => {
    const volunteer = await Client.signIn(suite.cloud.url, 'e2e-care-fang', '阿芳');
    await dataOf(volunteer.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' }));
    volunteerNo = (await registerVolunteer(volunteer, idFor('19860606', '612'))).volunteerNo;
    volunteerPage = await phone(volunteer, 'volunteer');

    // A wrong number is said by its field, nothing is sent.
    await on(committee, '[data-field="volunteerNo"] input').fill('V12');
    await on(committee, '.care-pair').click();
    await on(committee, '[data-field="volunteerNo"] .linli-field__error').waitFor();
    await on(committee, '[data-field="volunteerNo"] input').fill(volunteerNo);
    await on(committee, '.care-pair').click();
    await on(committee, '.care-pairs [data-pair]').first().waitFor();
    expect(await allDocsOf(db, 'care_pairs', { recipientId: personId, status: 'active' })).toHaveLength(1);
  });

  it('the volunteer finds her in 我的结对 and logs a visit', async () => {
    await open(volunteerPage, '/package-care/mine/index');
    const card = on(volunteerPage, `.care-card[data-id="${personId}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain(ADDRESS);
    await card.locator('.care-mine__log').click();
    await on(volunteerPage, '[data-field="minutes"]').waitFor();
    await on(volunteerPage, '[data-field="minutes"] input').fill('45');
    await on(volunteerPage, '[data-field="notes"] textarea').fill(NOTES);
    await on(volunteerPage, '.care-visit__submit').click();
    // Sent: the page goes back to 我的结对.
    await on(volunteerPage, `.care-card[data-id="${personId}"]`).waitFor();
    const visits = await allDocsOf<{ _id: string; minutes: number }>(db, 'care_visits', { recipientId: personId });
    expect(visits).toEqual([expect.objectContaining({ minutes: 45 })]);
  });

  it('the committee sees the visit, and its hours wait in the review queue', async () => {
    await open(committee, `/package-care/person/index?id=${personId}`);
    const visit = on(committee, '.care-visits [data-visit]');
    await visit.first().waitFor();
    expect(await visit.first().textContent()).toContain('45 分钟');
    expect(await visit.first().textContent()).toContain('时长待确认');
    await screenshot(committee, 'care-person');

    const [record] = await allDocsOf<{ _id: string; state: string; source: string }>(db, 'hour_records', { source: 'care_visit' });
    expect(record).toMatchObject({ state: 'pending' });
    await open(committee, '/package-volunteer/review/index');
    const item = on(committee, `.review__item[data-item-id="${record!._id}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('关爱探访');
    // The person's name does not travel with the hours (they reach proofs and exports).
    expect(await item.textContent()).not.toContain(NAME);
    expect(pageErrors).toEqual([]);
  });
});
