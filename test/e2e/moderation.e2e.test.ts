/**
 * Moderation in a real browser (H5 build on a real local cloud, fresh data folder): 李队长
 * (demo-leader) posts an announcement in 北苑晨练太极队; three residents report it — the third
 * from the group page, which hides it; 张主任 of 北苑's committee (demo-committee) keeps it
 * hidden from the moderation queue, with a reason; 李队长 finds the notice in his inbox, opens
 * the notices page and appeals; 陈科长 of the street (demo-street) restores it from the appeals
 * page; the post is on the group page again. The street's dashboard is shot at desktop width.
 * Several phones (browser contexts) at once; every wait is on a condition, never a fixed delay.
 */
import type { Page } from 'playwright-core';
import { browserSuite, choose, newPhone, on, openRoute, screenshot } from '../support/browser';
import { Client, dataOf } from '../support/localCloud';

const suite = browserSuite();

jest.setTimeout(240_000);

const GROUP_ID = 'g-beiyuan-taiji';
const ANNOUNCEMENT = '周日上午北苑广场有保健品团购，扫码进群再送鸡蛋一盒，先到先得。';
const KEEP_REASON = '含有商业推销信息，与小组活动无关';
const APPEAL = '这是小组成员请我转发的社区便民信息，并非推销。';
const RESTORE_REASON = '核实为社区便民团购信息，可以保留';

const pageErrors: string[] = [];

/** A phone (browser context) for a client: signed in with its dev session, or a visitor. */
const phone = (client: Client) => newPhone(suite.browser, client.token, client.openid ?? 'visitor', pageErrors);
const open = (page: Page, route: string) => openRoute(page, suite.cloud.url, route);

/** A resident of 北苑社区 with a dev session. */
async function resident(openid: string, nickname: string): Promise<Client> {
  const client = await Client.signIn(suite.cloud.url, openid, nickname);
  await dataOf(client.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' }));
  return client;
}

/** Writes `reason` into the open reason dialog of the visible page and confirms it. */
async function giveReason(page: Page, dialog: string, reason: string): Promise<void> {
  await on(page, `.${dialog} textarea`).fill(reason);
  await on(page, `.${dialog} .nut-dialog-footer-ok`).click();
}

describe('moderation: report, auto-hide, queue, notice, appeal, restore (H5 on the local cloud)', () => {
  let leader: Client;
  let wang: Page;
  let committee: Page;
  let author: Page;
  let postId = '';

  it('the leader posts; two residents report it and it stays up', async () => {
    leader = await Client.signIn(suite.cloud.url, 'demo-leader');
    postId = (await dataOf<{ id: string }>(leader.call('posts', 'posts.create', { groupId: GROUP_ID, text: ANNOUNCEMENT }))).id;
    for (const [openid, nickname] of [['e2e-mod-zhao', '赵阿姨'], ['e2e-mod-sun', '孙大伯']] as const) {
      const neighbour = await resident(openid, nickname);
      expect(await dataOf(neighbour.call('moderation', 'reports.create', { targetType: 'post', targetId: postId, reason: 'spam' }))).toEqual({ reported: true, hidden: false });
    }
  });

  it('王阿姨 reports it from the group page; the third report hides it', async () => {
    wang = await phone(await Client.signIn(suite.cloud.url, 'demo-resident'));
    await open(wang, `/pages/group/index?id=${GROUP_ID}`);
    const post = on(wang, `.group-post[data-post-id="${postId}"]`);
    await post.filter({ hasText: ANNOUNCEMENT }).waitFor();
    await post.locator('.linli-report-link').click();
    await wang.waitForURL(/#\/package-me\/report\/index\?type=post/);
    await on(wang, '.report__title').filter({ hasText: ANNOUNCEMENT.slice(0, 10) }).waitFor();

    // Nothing chosen: the form says so.
    await on(wang, '.report__submit').click();
    await on(wang, '[data-field="reason"] .linli-field__error').filter({ hasText: '请选择举报原因' }).waitFor();
    await choose(wang, '.report__reasons [data-value="unsafe"]');
    await on(wang, '[data-field="text"] textarea').fill('以送鸡蛋为名推销保健品，老人容易上当');
    // The top of the form for the screenshot (Taro's page, not the window, may be what scrolls).
    await on(wang, '.report__target').evaluate((card) => card.scrollIntoView({ block: 'start' }));
    await screenshot(wang, 'report');
    await on(wang, '.report__submit').click();
    await on(wang, '.report__outcome--hidden').filter({ hasText: '这条内容已暂时隐藏' }).waitFor();

    // Back on the group page the announcement is gone.
    await on(wang, '.report__outcome .nut-button').click();
    await wang.waitForURL(new RegExp(`#/pages/group/index\\?id=${GROUP_ID}`));
    await on(wang, '.group-feed').waitFor();
    await on(wang, `.group-post[data-post-id="${postId}"]`).waitFor({ state: 'detached' });
  });

  it('the committee keeps it hidden from the moderation queue, with a reason', async () => {
    committee = await phone(await Client.signIn(suite.cloud.url, 'demo-committee'));
    await open(committee, '/pages/me/index');
    await on(committee, '.me__staff').click();
    await committee.waitForURL(/#\/package-staff\/home\/index/);
    // The demo seed keeps a reported announcement in the queue too: this case joins it.
    await on(committee, '.staff-home__entry--queue').filter({ hasText: '2 条待办' }).click();
    await committee.waitForURL(/#\/package-staff\/moderation\/index/);
    const item = on(committee, `.staff-case[data-target-id="${postId}"]`);
    await item.filter({ hasText: '3 人举报' }).waitFor();
    await item.filter({ hasText: '垃圾广告 × 2' }).filter({ hasText: '不安全或涉嫌诈骗 × 1' }).waitFor();
    await item.filter({ hasText: '已自动隐藏' }).waitFor();
    await screenshot(committee, 'moderation-queue');

    // At a desk the queue is a wide, centred column.
    await committee.setViewportSize({ width: 1280, height: 800 });
    const frame = await on(committee, '.staff-frame').evaluate((el) => {
      const box = el.getBoundingClientRect();
      return { width: box.width, left: box.left, right: window.innerWidth - box.right };
    });
    expect(frame.width).toBeGreaterThan(760);
    expect(frame.width).toBeLessThanOrEqual(1120);
    expect(Math.abs(frame.left - frame.right)).toBeLessThan(2);
    await committee.setViewportSize({ width: 375, height: 812 });

    await item.locator('.staff-case__action--hide').filter({ hasText: '维持隐藏' }).click();
    await on(committee, '.linli-reason').filter({ hasText: '内容将对居民隐藏' }).waitFor();
    await giveReason(committee, 'linli-reason', KEEP_REASON);
    await item.waitFor({ state: 'detached' });
    // Only the demo seed's reported announcement is left waiting.
    await on(committee, '.staff-case').first().waitFor();
    expect(await on(committee, '.staff-case').count()).toBe(1);
  });

  it('the author finds the notice in his inbox and appeals on the notices page', async () => {
    author = await phone(leader);
    await open(author, '/pages/inbox/index');
    const notice = on(author, '.inbox__item[data-kind="moderation"]');
    await notice.filter({ hasText: KEEP_REASON }).waitFor();
    await notice.click();
    await author.waitForURL(/#\/package-me\/notices\/index\?id=mc[0-9a-f]+/);
    const item = on(author, '.notices__item--focused');
    await item.filter({ hasText: `理由：${KEEP_REASON}` }).waitFor();
    await item.filter({ hasText: '已隐藏' }).waitFor();

    await item.locator('.notices__appeal-button').click();
    await on(author, '.notices__appeal-dialog').waitFor();
    await giveReason(author, 'notices__appeal-dialog', APPEAL);
    await item.locator('.notices__appeal[data-appeal="pending"]').filter({ hasText: `我的申诉：${APPEAL}` }).waitFor();
    expect(await item.locator('.notices__appeal-button').count()).toBe(0);
    await screenshot(author, 'notices');
  });

  it('the committee member who decided cannot judge the appeal; the street restores the post', async () => {
    await open(committee, '/package-staff/appeals/index');
    await on(committee, '.staff-appeal__mine').filter({ hasText: '这是你做出的处理' }).waitFor();
    expect(await on(committee, '.staff-appeal__overturn').count()).toBe(0);

    const street = await phone(await Client.signIn(suite.cloud.url, 'demo-street'));
    await open(street, '/pages/me/index');
    await on(street, '.me__staff').click();
    await street.waitForURL(/#\/package-staff\/home\/index/);
    await on(street, '.staff-home__entry--appeals').filter({ hasText: '1 条待办' }).click();
    await street.waitForURL(/#\/package-staff\/appeals\/index/);
    const item = on(street, `.staff-case[data-target-id="${postId}"]`);
    await item.filter({ hasText: `申诉理由：${APPEAL}` }).filter({ hasText: KEEP_REASON }).waitFor();
    await screenshot(street, 'appeals');
    await item.locator('.staff-appeal__overturn').click();
    await giveReason(street, 'linli-reason', RESTORE_REASON);
    await item.waitFor({ state: 'detached' });
    await on(street, '.linli-state--empty').filter({ hasText: '没有待复核的申诉' }).waitFor();

    // The street's dashboard and audit log, at a desk.
    await street.setViewportSize({ width: 1280, height: 800 });
    await open(street, '/package-staff/audit/index');
    await on(street, '.staff-audit__row[data-action="moderation.appeal.overturn"]').filter({ hasText: RESTORE_REASON }).waitFor();
    await on(street, '.staff-audit__row[data-action="moderation.hide"]').filter({ hasText: '张主任' }).waitFor();
    await open(street, '/package-staff/dashboard/index');
    await on(street, '.dash-tile--groups .dash-tile__value').filter({ hasText: /^8$/ }).waitFor();
    await on(street, '.dash-child[data-region-id="cm-beiyuan"]').waitFor();
    await screenshot(street, 'dashboard');
  });

  it('the post is on the group page again, and the author sees the appeal went through', async () => {
    await open(wang, `/pages/group/index?id=${GROUP_ID}`);
    await on(wang, `.group-post[data-post-id="${postId}"]`).filter({ hasText: ANNOUNCEMENT }).waitFor();

    await open(author, '/package-me/notices/index');
    await on(author, '.notices__appeal[data-appeal="overturned"]').filter({ hasText: '申诉已通过' }).waitFor();
  });

  it('elderly mode: the notices and the console have large type (≥ 18 px) and large targets (≥ 44 px)', async () => {
    const measure = (page: Page, selector: string) =>
      on(page, selector)
        .first()
        .evaluate((el) => ({ font: parseFloat(getComputedStyle(el).fontSize), height: el.getBoundingClientRect().height }));
    for (const page of [author, committee]) {
      await open(page, '/pages/settings/index');
      await on(page, '.settings__elderly-switch').click();
      await on(page, '.linli-page--elderly').waitFor();
    }
    await open(author, '/package-me/notices/index');
    await on(author, '.linli-page--elderly .notices__reason').waitFor();
    expect((await measure(author, '.notices__reason')).font).toBeGreaterThanOrEqual(18);

    await open(committee, '/package-staff/moderation/index');
    await on(committee, '.linli-page--elderly .staff-queue__filter [data-value="all"]').click();
    await on(committee, `.staff-case[data-target-id="${postId}"][data-state="restored"]`).waitFor();
    expect((await measure(committee, '.staff-card__text')).font).toBeGreaterThanOrEqual(18);
    for (const selector of ['.staff-case__action', '.linli-choice']) {
      const { height } = await measure(committee, selector);
      expect({ selector, tall: height >= 44 }).toEqual({ selector, tall: true });
    }
    expect(pageErrors).toEqual([]);
  });
});
