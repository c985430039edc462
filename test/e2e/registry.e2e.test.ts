/**
 * The community registry in a real browser (H5 build on a real local cloud, fresh data folder):
 * 王阿姨 (demo-resident) founds a community-managed group; 张主任 of 北苑's committee
 * (demo-committee) approves it from the review queue; a new resident, 赵大爷, asks to join; 王阿姨,
 * now its leader, approves him and posts an announcement; 赵大爷 sees it on the group page.
 * Three phones (browser contexts) at once. Phone-size screenshots go to docs/screenshots/
 * (found, review, members, posts). Every wait is on a condition, never a fixed delay.
 */
import type { Page } from 'playwright-core';
import { browserSuite, choose, newPhone, on, openRoute, screenshot } from '../support/browser';
import { Client, dataOf } from '../support/localCloud';

const suite = browserSuite();

jest.setTimeout(240_000);

const GROUP = '北苑书法社';
const ANNOUNCEMENT = '本周六上午九点在社区活动室练习楷书，笔墨纸砚社里准备，欢迎新朋友。';

const pageErrors: string[] = [];

/** A phone (browser context) for a client: signed in with its dev session, or a visitor. */
const phone = (client: Client) => newPhone(suite.browser, client.token, client.openid ?? 'visitor', pageErrors);
const open = (page: Page, route: string) => openRoute(page, suite.cloud.url, route);

/** Confirms the open dialog of class `dialog` on the visible page. */
async function confirm(page: Page, dialog: string): Promise<void> {
  await on(page, `.${dialog} .nut-dialog-footer-ok`).click();
}

describe('community registry (H5 on the local cloud)', () => {
  let founder: Page;
  let committee: Page;
  let joiner: Page;
  let groupId = '';

  it('a resident founds a community-managed group', async () => {
    founder = await phone(await Client.signIn(suite.cloud.url, 'demo-resident'));
    await open(founder, '/pages/me/index');
    await on(founder, '.me__found').click();
    await founder.waitForURL(/#\/package-leader\/found\/index/);

    // submitting empty says what is missing, next to each field
    await on(founder, '.found__submit').click();
    await on(founder, '[data-field="name"] .linli-field__error').filter({ hasText: '请填写小组名称' }).waitFor();

    await on(founder, '[data-field="name"] input').fill(GROUP);
    await choose(founder, '[data-field="type"] [data-value="culture_sports"]');
    await on(founder, '[data-field="description"] textarea').fill('每周六上午在北苑社区活动室练习毛笔字，零基础可以跟练，笔墨纸砚社里准备。');
    await on(founder, '[data-field="tags"] input').fill('书法');
    await on(founder, '[data-field="tags"] .leader-tags__button').click();
    await on(founder, '.leader-tags__tag').filter({ hasText: '书法' }).waitFor();
    await choose(founder, '[data-field="managementLevel"] [data-value="community"]');
    await on(founder, '[data-field="contactName"] input').fill('王阿姨');
    await on(founder, '[data-field="contactPhone"] input').fill('13912345678');
    await on(founder, '[data-field="name"] .linli-field__error').waitFor({ state: 'detached' });
    // the community is the founder's own, shown with its street
    await on(founder, '[data-field="communityId"] .leader-place__name').filter({ hasText: '北苑社区' }).waitFor();
    await on(founder, '[data-field="contactPhone"] .linli-field__error').waitFor({ state: 'detached' });
    expect(await on(founder, '.found__general').count()).toBe(0);
    // the top of the form for the screenshot (Taro's page, not the window, may be what scrolls)
    await on(founder, '.found__form').evaluate((form) => form.scrollIntoView({ block: 'start' }));
    await screenshot(founder, 'found');

    await on(founder, '.found__submit').click();
    await founder.waitForURL(/#\/package-leader\/applications\/index/);
    const application = on(founder, '.applications__item').filter({ hasText: GROUP });
    await application.filter({ hasText: '审核中' }).waitFor();
    await application.filter({ hasText: '正在等待社区居委会（村委会）审核' }).waitFor();
    groupId = (await application.getAttribute('data-group-id')) ?? '';
    expect(groupId).not.toBe('');
  });

  it('the committee approves it from the review queue', async () => {
    committee = await phone(await Client.signIn(suite.cloud.url, 'demo-committee'));
    await open(committee, '/pages/me/index');
    await on(committee, '.me__review').click();
    await committee.waitForURL(/#\/package-staff\/review\/index/);
    const item = on(committee, `.review__item[data-group-id="${groupId}"]`);
    await item.filter({ hasText: '申请人：王阿姨' }).waitFor();
    await screenshot(committee, 'review');

    // staff often review at a desk: in a wide browser the queue is a centred, readable column
    await committee.setViewportSize({ width: 1280, height: 800 });
    const frame = await on(committee, '.review__frame').evaluate((el) => {
      const box = el.getBoundingClientRect();
      return { width: box.width, left: box.left, right: window.innerWidth - box.right };
    });
    expect(frame.width).toBeLessThanOrEqual(760);
    expect(Math.abs(frame.left - frame.right)).toBeLessThan(2);
    await committee.setViewportSize({ width: 375, height: 812 });

    await item.locator('.review__approve').click();
    // community-managed: no number to enter
    await on(committee, '.review__approve-dialog').waitFor();
    expect(await on(committee, '.review__approve-dialog [data-field="number"]').count()).toBe(0);
    await confirm(committee, 'review__approve-dialog');
    await item.waitFor({ state: 'detached' });
  });

  it('another resident asks to join; the leader approves him', async () => {
    const zhao = await Client.signIn(suite.cloud.url, 'e2e-zhao', '赵大爷');
    await dataOf(zhao.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' }));
    joiner = await phone(zhao);
    await open(joiner, `/pages/group/index?id=${groupId}`);
    await on(joiner, '.group__action').filter({ hasText: '申请加入' }).click();
    await confirm(joiner, 'linli-confirm');
    await on(joiner, '.group__notice--pending').waitFor();

    // the leader: 我的 → the new group → 管理小组 → 加入申请
    await open(founder, '/pages/me/index');
    await on(founder, '.me__groups .linli-group-card').filter({ hasText: GROUP }).click();
    await founder.waitForURL(new RegExp(`#/pages/group/index\\?id=${groupId}`));
    await on(founder, '.group__notice--active').filter({ hasText: '你是这个组织的队长' }).waitFor();
    await on(founder, '.group-entry--manage').click();
    await founder.waitForURL(/#\/package-leader\/manage\/index/);
    await on(founder, '.manage__requests').filter({ hasText: '1 条待处理' }).click();
    await founder.waitForURL(/#\/package-leader\/requests\/index/);
    const request = on(founder, '.requests__item').filter({ hasText: '赵大爷' });
    await request.locator('.requests__approve').click();
    await request.waitFor({ state: 'detached' });
    await on(founder, '.linli-state--empty').filter({ hasText: '没有待处理的加入申请' }).waitFor();

    await founder.goBack();
    await founder.waitForURL(/#\/package-leader\/manage\/index/);
    await on(founder, '.manage__members').filter({ hasText: '2 位成员' }).click();
    await founder.waitForURL(/#\/package-leader\/members\/index/);
    await on(founder, '.members__item--member').filter({ hasText: '赵大爷' }).waitFor();
    await on(founder, '.members__item--leader').filter({ hasText: '王阿姨' }).waitFor();
    await screenshot(founder, 'members');
  });

  it('the leader posts an announcement and the member sees it', async () => {
    await founder.goBack();
    await founder.waitForURL(/#\/package-leader\/manage\/index/);
    await on(founder, '.manage__post').click();
    await founder.waitForURL(/#\/package-leader\/post\/index/);
    await on(founder, '[data-field="text"] textarea').fill(ANNOUNCEMENT);
    await on(founder, '.post__publish').click();
    await founder.waitForURL(/#\/package-leader\/manage\/index/);

    // the member's group page, opened afresh, shows it
    await open(joiner, '/pages/me/index');
    await on(joiner, '.me__groups .linli-group-card').filter({ hasText: GROUP }).click();
    await joiner.waitForURL(new RegExp(`#/pages/group/index\\?id=${groupId}`));
    const announcement = on(joiner, '.group-post').filter({ hasText: ANNOUNCEMENT });
    await announcement.waitFor();
    await on(joiner, '.group__notice--active').filter({ hasText: '你是这个组织的成员' }).waitFor();
    // members see the member list, not management
    await on(joiner, '.group-entry--members').waitFor();
    expect(await on(joiner, '.group-entry--manage').count()).toBe(0);
    await announcement.scrollIntoViewIfNeeded();
    await screenshot(joiner, 'posts');
    expect(pageErrors).toEqual([]);
  });
});
