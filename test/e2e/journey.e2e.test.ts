/**
 * The first resident journey in a real browser: the npm-installed chromium (playwright-core)
 * drives the H5 build served by a real local cloud (`npm start`'s entry, free port, fresh data
 * folder).
 * Sign in as 王阿姨 → choose a community → search → open a group → join → see it under 我的,
 * then English once and elderly mode once. Phone-sized screenshots go to docs/screenshots/ for
 * the README. Every wait is on a condition (selector, URL, text), never a fixed delay.
 */
import type { Page } from 'playwright-core';
import { browserSuite, newPhone, on, screenshot as shoot } from '../support/browser';

jest.setTimeout(180_000);

const suite = browserSuite();
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  // A visitor's phone: no session yet, the app asks to sign in.
  page = await newPhone(suite.browser, null, 'visitor', pageErrors);
});

async function screenshot(name: string): Promise<void> {
  await shoot(page, name);
}

/** The visible page (Taro H5 keeps the other pages in the DOM, shaded). */
const current = (selector: string) => on(page, selector);

/** A NutUI Cell holding `inner` (the cell, not its content, receives the tap). */
function cellWith(cellClass: string, inner: string) {
  return current(cellClass).filter({ has: page.locator(inner) });
}

/** A tab of the custom tab bar (each tab page draws its own; the visible page's one is tapped). */
function tab(label: string) {
  return current('.linli-tabbar__item').filter({ has: page.locator('.linli-tabbar__label', { hasText: new RegExp(`^${label}$`) }) });
}

async function openTab(label: string): Promise<void> {
  await tab(label).click();
}

describe('resident journey (H5 on the local cloud)', () => {
  it('signs in, chooses a community, finds and joins a group, and sees it under 我的', async () => {
    await page.goto(`${suite.cloud.url}/`);
    // no session yet: the app sends the visitor to the sign-in page
    await page.waitForURL(/#\/pages\/login\/index/);
    await current('[data-openid="demo-resident"]').waitFor();
    await screenshot('login');

    await cellWith('.login__demo-user', '[data-openid="demo-resident"]').click();
    await page.waitForURL(/#\/pages\/home\/index/);
    await current('.linli-group-card').first().waitFor();
    await current('.home__greeting').filter({ hasText: '王阿姨，你好' }).waitFor();
    // first run: large text is offered once; she keeps standard text (elderly mode comes later)
    await current('.linli-elderly-prompt').filter({ hasText: '需要大字模式吗？' }).waitFor();
    await current('.linli-elderly-prompt__no').click();
    await current('.linli-elderly-prompt').waitFor({ state: 'detached' });

    // choose a community: 南湖社区, the next one along the street
    await current('.home__community').click();
    await page.waitForURL(/#\/pages\/community\/index/);
    await current('[data-region-id="cm-beiyuan"]').waitFor();
    await screenshot('community');
    await cellWith('.linli-community-picker__option', '[data-region-id="cm-nanhu"]').click();
    await current('.linli-community-picker__save').click();
    await page.waitForURL(/#\/pages\/home\/index/);
    await current('.home__community-name').filter({ hasText: '南湖社区' }).waitFor();
    await current('.linli-group-card').filter({ hasText: '南湖读书会' }).waitFor();
    await screenshot('home');

    // search the street ("附近") for the tai chi group of 北苑
    await current('.home__area').getByText('附近', { exact: true }).click();
    await current('.linli-group-card').filter({ hasText: '北苑' }).first().waitFor();
    await current('.home__search input').fill('太极');
    await current('.home__search-button').click();
    await current('.home__total').filter({ hasText: '共 1 个组织' }).waitFor();
    expect(await current('.linli-group-card').count()).toBe(1);

    await current('.linli-group-card').filter({ hasText: '北苑晨练太极队' }).click();
    await page.waitForURL(/#\/pages\/group\/index\?id=g-beiyuan-taiji/);
    await current('.group__action').filter({ hasText: '加入组织' }).waitFor();
    expect(await current('.group__contact-phone').textContent()).toMatch(/\*{4}/);
    await screenshot('group');

    await current('.group__action').click();
    await current('.linli-confirm .nut-dialog-footer-ok').click();
    await current('.group__notice--active').filter({ hasText: '你是这个组织的成员' }).waitFor();
    // a member's big button leads to the group's activities; leaving is the quiet link below
    await current('.group__action').filter({ hasText: '看看组织的活动' }).waitFor();
    await current('.group__leave-button').filter({ hasText: '退出组织' }).waitFor();
    // members see the full contact number
    await page.waitForFunction(() => !/\*{4}/.test(document.querySelector('.taro_page:not(.taro_page_shade) .group__contact-phone')?.textContent ?? '*'));

    // back to home (the tab bar shows on tab pages only), then 我的
    await page.goBack();
    await page.waitForURL(/#\/pages\/home\/index/);
    await openTab('我的');
    await page.waitForURL(/#\/pages\/me\/index/);
    await current('.me__groups .linli-group-card').filter({ hasText: '北苑晨练太极队' }).waitFor();
    await screenshot('me');
    expect(pageErrors).toEqual([]);
  });

  it('switches to English once, and back', async () => {
    await current('.me__settings').filter({ hasText: '设置' }).click();
    await page.waitForURL(/#\/pages\/settings\/index/);
    await current('.settings__language--en').click();
    await current('.linli-section__title').filter({ hasText: 'Language' }).waitFor();

    await page.goBack();
    await page.waitForURL(/#\/pages\/me\/index/);
    await current('.linli-section__title').filter({ hasText: 'My groups' }).waitFor();
    await openTab('Home');
    await page.waitForURL(/#\/pages\/home\/index/);
    await current('.home__greeting').filter({ hasText: 'Hello, 王阿姨' }).waitFor();
    await tab('Me').waitFor();
    await screenshot('home-en');

    await openTab('Me');
    await current('.me__settings').filter({ hasText: 'Settings' }).click();
    await current('.settings__language--zh-CN').click();
    await current('.linli-section__title').filter({ hasText: '语言' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('elderly mode: large type (≥ 18 px), large touch targets (≥ 44 px), a simpler home', async () => {
    await current('.settings__elderly-switch').click();
    await current('.linli-page--elderly').waitFor();
    await page.goBack();
    await openTab('首页');
    await page.waitForURL(/#\/pages\/home\/index/);
    await current('.linli-page--elderly .linli-group-card--simple').first().waitFor();
    // the whole list again, for the screenshot
    await current('.home__search input').fill('');
    await current('.home__search-button').click();
    await current('.home__total').filter({ hasText: /共 [2-9]\d* 个组织/ }).waitFor();
    expect(await current('.linli-type-filter').count()).toBe(0);

    const sizes = await current('.linli-group-card').first().evaluate((card) => {
      const summary = card.querySelector('.linli-group-card__summary') ?? card;
      return { font: parseFloat(getComputedStyle(summary).fontSize), height: card.getBoundingClientRect().height };
    });
    expect(sizes.font).toBeGreaterThanOrEqual(18);
    expect(sizes.height).toBeGreaterThanOrEqual(44);
    for (const selector of ['.home__search-button', '.home__community', '.home__search .nut-searchbar-content', '.nut-tabs-titles-item']) {
      const height = await current(selector).first().evaluate((el) => el.getBoundingClientRect().height);
      expect({ selector, height: height >= 44 }).toEqual({ selector, height: true });
    }
    await screenshot('home-elderly');
    expect(pageErrors).toEqual([]);
  });
});
