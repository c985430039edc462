/**
 * A resident without a smartphone in a real browser (H5 build on a real local cloud, fresh data
 * folder; issue 18, audited against issue 16): a grid worker of 北苑, granted by the committee,
 * registers 刘奶奶 with the consent she signed on paper (refused without it), signs her up for an
 * activity from the activity page, and finds the act in her 代办记录; once her consent is
 * withdrawn, the next act on the page still open is refused and changes nothing. Every wait is on
 * a condition, never a fixed delay.
 */
import type { Page } from 'playwright-core';
import { userIdOf } from '../../cloudfunctions/_core/repositories/users';
import { activityInput, inHours } from '../support/activityInput';
import { browserSuite, newPhone, on, openRoute, screenshot } from '../support/browser';
import { allDocsOf, createGroup, databaseOf, type Db } from '../support/fixtures';
import { Client, dataOf } from '../support/localCloud';

const suite = browserSuite();
jest.setTimeout(240_000);

const NAME = '刘秀兰';
const FORM_NO = '北苑代办-2026-031';

let db: Db;
const pageErrors: string[] = [];
const phone = (client: Client, who: string) => newPhone(suite.browser, client.token, who, pageErrors);
const open = (page: Page, route: string) => openRoute(page, suite.cloud.url, route);

beforeAll(() => {
  db = databaseOf(suite.cloud);
});

describe('proxies: register without a phone, sign up for her, 代办记录, consent withdrawn (H5 on the local cloud)', () => {
  let grid: Client;
  let records: Page;
  let activityPage: Page;
  let residentUserId = '';
  let activityId = '';

  it('a grid worker registers a resident without a phone, with the consent she signed on paper', async () => {
    // The committee grants the grid worker his role, as in the app (roles.grant).
    const committee = await Client.signIn(suite.cloud.url, 'demo-committee');
    grid = await Client.signIn(suite.cloud.url, 'e2e-proxy-grid', '网格员小李');
    const gridId = (await dataOf<{ account: { id: string } }>(grid.call('account', 'account.me', {}, null))).account.id;
    await dataOf(committee.call('roles', 'roles.grant', { userId: gridId, role: 'grid', regionId: 'cm-beiyuan' }));

    records = await phone(grid, 'grid');
    await open(records, '/package-proxy/residents/index');
    await on(records, '.proxy-residents__register-button').click();
    await on(records, '[data-field="nickname"]').waitFor();
    await on(records, '[data-field="nickname"] input').fill(NAME);
    await on(records, '[data-field="nickname"] .linli-counter').filter({ hasText: `${NAME.length}/20` }).waitFor();
    // Without the signed form's number the form refuses by the button; nothing is written.
    await on(records, '.proxy-create__submit').click();
    await on(records, '.linli-form-summary [data-summary-field="witness"]').waitFor();
    expect(await allDocsOf(db, 'users', { nickname: NAME })).toEqual([]);

    await on(records, '[data-field="witness"] input').fill(FORM_NO);
    await on(records, '.proxy-create__submit').click();
    await records.waitForURL(/package-proxy\/records\/index\?residentUserId=/);
    residentUserId = new URL(records.url().replace('/#/', '/')).searchParams.get('residentUserId') ?? '';
    const [stored] = await allDocsOf<{ _id: string; hasOwnAccount: boolean }>(db, 'users', { nickname: NAME });
    expect(stored).toMatchObject({ _id: residentUserId, hasOwnAccount: false });
  });

  it('signs her up for an activity from the activity page', async () => {
    const groupId = await createGroup(db, { leader: 'e2e-proxy-leader' });
    const leader = await Client.signIn(suite.cloud.url, 'e2e-proxy-leader');
    const { ids } = await dataOf<{ ids: string[] }>(leader.call('activities', 'activities.create', activityInput(groupId, { title: '重阳节包饺子', capacity: 5, volunteer: null, startAt: inHours(48), endAt: inHours(50) })));
    activityId = ids[0]!;

    activityPage = await phone(grid, 'grid activity');
    await open(activityPage, `/pages/activity/index?id=${activityId}`);
    const row = on(activityPage, `.activity__proxy-row[data-user-id="${residentUserId}"]`);
    await row.locator('.activity__proxy-signUp').click();
    // Signed up: the row shows her sign-up and no longer offers to sign her up.
    await row.locator('.activity__proxy-signUp').waitFor({ state: 'detached' });
    await row.locator('.activity__proxy-cancel').waitFor();
    const signups = await allDocsOf<{ status: string; proxy: { userId: string } | null }>(db, 'signups', { activityId, userId: residentUserId });
    expect(signups).toEqual([expect.objectContaining({ status: 'confirmed', proxy: expect.objectContaining({ userId: userIdOf('e2e-proxy-grid') }) })]);
  });

  it('sees the act in her 代办记录', async () => {
    await open(records, `/package-proxy/records/index?residentUserId=${residentUserId}`);
    const row = on(records, '.proxy-records__row[data-kind="signup"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('重阳节包饺子');
    expect(await row.textContent()).toContain('网格员小李');
    await screenshot(records, 'proxy-records');
  });

  it('with her consent withdrawn, the next act is refused and changes nothing', async () => {
    await on(records, '.proxy-records__tabs [data-value="history"]').click();
    await on(records, '.proxy-records__consent').filter({ hasText: FORM_NO }).waitFor();
    await on(records, '.proxy-records__withdraw').click();
    await on(records, '.linli-reason textarea').fill('本人要求由女儿代办');
    await on(records, '.linli-reason .nut-dialog-footer-ok').click();
    await on(records, '.proxy-records__consent[data-status="ended"]').waitFor();

    // The activity page opened before the withdrawal still offers to cancel for her: the server refuses.
    await on(activityPage, `.activity__proxy-row[data-user-id="${residentUserId}"] .activity__proxy-cancel`).click();
    // Taro H5's toast: the refusal's text is put in it (it hides itself after a few seconds).
    await activityPage.locator('.taro__toast').filter({ hasText: '没有找到授权你代报名的居民' }).waitFor({ state: 'attached' });
    const signups = await allDocsOf<{ status: string }>(db, 'signups', { activityId, userId: residentUserId });
    expect(signups).toEqual([expect.objectContaining({ status: 'confirmed' })]);
    // Opened again, the page no longer offers to act for her.
    await open(activityPage, `/pages/activity/index?id=${activityId}`);
    await on(activityPage, '.activity__action, .activity__status').first().waitFor();
    expect(await on(activityPage, `.activity__proxy-row[data-user-id="${residentUserId}"]`).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
