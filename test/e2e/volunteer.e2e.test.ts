/**
 * The volunteer service in a real browser (H5 build on a real local cloud, fresh data folder):
 * a new resident of 北苑 registers as a volunteer (the ID's check digit is checked as she types);
 * she served two hours at a finished volunteer activity of her group, and its leader (李队长,
 * demo-leader) confirms her hours on the confirmation page; she sees the hours and 20 credits,
 * redeems an item the committee (张主任, demo-committee) stocked and gets a pickup code; she asks
 * the group for a proof, the leader issues it, she downloads the PDF; a third party without any
 * session checks the verification code and sees only masked data; the committee calls out
 * 北苑's volunteers for an emergency, she answers from her inbox, and the tally shows her coming.
 * Every wait is on a condition, never a fixed delay.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserSuite, choose, newPhone, on, openRoute, screenshot } from '../support/browser';
import { mainlandCheckChar } from '../../src/shared/identity/idNumber';
import { chinaDay } from '../../src/utils/chinaTime';
import { createActivity, createAttendance, createGroup, databaseOf, type Db } from '../support/fixtures';
import { Client, dataOf } from '../support/localCloud';

const suite = browserSuite();

jest.setTimeout(240_000);

const RESIDENT = 'e2e-vol-wang';
const REAL_NAME = '王秀兰';
const FIRST17 = '11010519620314052';
const ID_NUMBER = `${FIRST17}${mainlandCheckChar(FIRST17)}`;
/** The same number with any other check character. */
const WRONG_ID = `${FIRST17}${mainlandCheckChar(FIRST17) === '1' ? '2' : '1'}`;
const MASKED_ID = `110105********${ID_NUMBER.slice(-4)}`;
const GROUP_NAME = '北苑邻里互助志愿队';

let db: Db;
const pageErrors: string[] = [];

/** A phone (browser context) for a client: signed in with its dev session, or a visitor. */
const phone = (client: Client | null, who: string) => newPhone(suite.browser, client?.token ?? null, who, pageErrors);
const open = (page: Page, route: string) => openRoute(page, suite.cloud.url, route);

beforeAll(() => {
  db = databaseOf(suite.cloud);
});

describe('volunteer service: register, hours, credits, store, proof, verify (H5 on the local cloud)', () => {
  let wangClient: Client;
  let wang: Page;
  let leader: Page;
  let groupId = '';
  let activityId = '';
  let serviceDay = '';
  let volunteerNo = '';
  let code = '';

  it('a new resident registers as a volunteer; a wrong check digit is caught as she types', async () => {
    wangClient = await Client.signIn(suite.cloud.url, RESIDENT, '秀兰阿姨');
    await dataOf(wangClient.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' }));
    wang = await phone(wangClient, RESIDENT);
    await open(wang, '/package-volunteer/register/index');

    await on(wang, '[data-field="realName"] input').fill(REAL_NAME);
    await on(wang, '[data-field="idTypeChoice"] [data-value="mainland_id"][aria-checked="true"]').waitFor();
    const idField = on(wang, '[data-field="idNumber"]');
    await idField.locator('input').fill(WRONG_ID);
    await idField.locator('.linli-field__error').filter({ hasText: '身份证号校验位不正确，请核对' }).waitFor();
    expect(await on(wang, '.register__id-ok').count()).toBe(0);
    await idField.locator('input').fill(ID_NUMBER);
    await on(wang, '.register__id-ok').filter({ hasText: '证件号码校验通过' }).waitFor();
    expect(await idField.locator('.linli-field__error').count()).toBe(0);

    // Without the consent to the sensitive-data rules nothing is sent.
    await on(wang, '.register__submit').click();
    await on(wang, '.register__consent-error').waitFor();
    await choose(wang, '[data-field="sensitiveConsent"]');
    await on(wang, '.register__consent-error').waitFor({ state: 'detached' });
    await on(wang, '.register__submit').click();

    const number = on(wang, '.register__done .register__number');
    await number.filter({ hasText: /^V\d{10}$/ }).waitFor();
    volunteerNo = ((await number.textContent()) ?? '').trim();
    const me = await dataOf<{ profile: { volunteerNo: string; realName: string; idNumber: string } | null }>(wangClient.call('volunteers', 'volunteers.me', {}, null));
    expect(me.profile).toMatchObject({ volunteerNo, realName: REAL_NAME, idNumber: ID_NUMBER });
    await screenshot(wang, 'volunteer-register');
  });

  it('the leader confirms her two hours at a finished volunteer activity', async () => {
    groupId = await createGroup(db, { leader: 'demo-leader', members: [RESIDENT] });
    await db.collection('groups').doc(groupId).update({ name: GROUP_NAME });
    // Started 2½ hours ago, 2 hours long: over. She checked in at the start and out at the end.
    activityId = await createActivity(db, groupId, 'demo-leader', { startsInHours: -2.5, volunteer: { plannedHours: 2, creditsPerHour: 10 } });
    const signupId = await createAttendance(db, activityId, RESIDENT, 0, 120);
    serviceDay = chinaDay(((await db.collection('activities').doc(activityId).get()).data[0] as { startAt: Date }).startAt.getTime());

    leader = await phone(await Client.signIn(suite.cloud.url, 'demo-leader'), 'demo-leader');
    await open(leader, `/package-volunteer/confirm/index?id=${activityId}`);
    const row = on(leader, `.confirm__row[data-signup-id="${signupId}"]`);
    await row.filter({ hasText: '秀兰阿姨' }).waitFor();
    // Proposed: check-in to check-out, 120 minutes.
    expect(await row.locator(`[data-field="minutes-${signupId}"] input`).inputValue()).toBe('120');

    // Everyone confirmable starts selected; "select all" toggles them off and on again.
    await on(leader, '[data-field="selectAll"][aria-checked="true"]').click();
    await on(leader, '.confirm__count').filter({ hasText: '已选 0 人' }).waitFor();
    await on(leader, '.confirm__submit').filter({ hasText: '确认所选（0）' }).waitFor();
    await on(leader, '[data-field="selectAll"][aria-checked="false"]').click();
    await on(leader, '.confirm__count').filter({ hasText: '已选 1 人' }).waitFor();
    await on(leader, '.confirm__submit').filter({ hasText: '确认所选（1）' }).click();

    await on(leader, '.confirm__result').filter({ hasText: '已确认 1 人，共 20 积分' }).waitFor();
    await row.locator('.confirm__recorded').waitFor();
    expect(await on(leader, '.confirm__skipped').count()).toBe(0);
  });

  it('she sees the two hours and 20 credits', async () => {
    await open(wang, '/package-volunteer/hours/index');
    await on(wang, '.hours__total').filter({ hasText: /^2\.0$/ }).waitFor();
    await on(wang, '.hours__no').filter({ hasText: volunteerNo }).waitFor();
    const record = on(wang, '.hours__record--checkin');
    await record.filter({ hasText: GROUP_NAME }).filter({ hasText: '楼道清洁日' }).waitFor();
    await record.locator('.hours__credits').filter({ hasText: '+20' }).waitFor();
    await screenshot(wang, 'volunteer-hours');

    await open(wang, '/package-volunteer/credits/index');
    await on(wang, '.credits__balance').filter({ hasText: /^20$/ }).waitFor();
    await on(wang, '.credits__entry--earned .credits__amount').filter({ hasText: '+20' }).waitFor();
  });

  it('she redeems an item the committee stocked and gets a pickup code', async () => {
    const committee = await Client.signIn(suite.cloud.url, 'demo-committee');
    const item = await dataOf<{ id: string }>(
      committee.call('credits', 'store.saveItem', { communityId: 'cm-beiyuan', name: '环保购物袋', description: '可折叠帆布袋，居委会一楼服务台领取。', cost: 8, stock: 5, perPersonLimit: 1 }),
    );

    await open(wang, '/package-volunteer/store/index');
    await on(wang, '.store__balance').filter({ hasText: '我的积分 20' }).waitFor();
    const card = on(wang, `.store__item[data-item-id="${item.id}"]`);
    await card.filter({ hasText: '环保购物袋' }).filter({ hasText: '8' }).waitFor();
    await card.locator('.store__redeem').click();
    await on(wang, '.linli-confirm').filter({ hasText: '环保购物袋' }).waitFor();
    await on(wang, '.linli-confirm .nut-dialog-footer-ok').click();

    const pickup = on(wang, '.store__code-dialog .store__code');
    await pickup.filter({ hasText: /^\d{4} \d{4}$/ }).waitFor();
    const pickupCode = ((await pickup.textContent()) ?? '').replace(/\s/g, '');
    expect(pickupCode).toMatch(/^\d{8}$/);
    await on(wang, '.store__balance').filter({ hasText: '我的积分 12' }).waitFor();
    await screenshot(wang, 'volunteer-store');

    const mine = await dataOf<{ items: Array<{ pickupCode: string; state: string }> }>(wangClient.call('credits', 'store.mine', { offset: 0, limit: 20 }, null));
    expect(mine.items).toEqual([expect.objectContaining({ pickupCode, state: 'pending' })]);
    await on(wang, '.store__code-dialog .nut-dialog-footer-ok').click();
    await on(wang, '.store__code-dialog .store__code').waitFor({ state: 'hidden' });

    await open(wang, '/package-volunteer/credits/index');
    await on(wang, '.credits__balance').filter({ hasText: /^12$/ }).waitFor();
  });

  it('she asks her group for a proof; the leader issues it; she downloads the PDF', async () => {
    await open(wang, '/package-volunteer/proofs/index');
    await on(wang, '.linli-state--empty').waitFor();
    // From the day she served (the form starts at January 1st) to today, the default end.
    const period = on(wang, '[data-field="period"] input[type="date"]');
    await period.first().fill(serviceDay);
    expect(await period.last().inputValue()).toBe(chinaDay());
    await on(wang, `[data-field="issuerChoice"] [data-value="group:${groupId}"]`).filter({ hasText: GROUP_NAME }).click();
    await on(wang, '[data-field="purpose"] input').fill('申请入党积极分子材料');
    await on(wang, '.proofs__submit').click();
    const requested = on(wang, '.proofs__item--requested');
    await requested.filter({ hasText: GROUP_NAME }).filter({ hasText: '处理中' }).filter({ hasText: `${serviceDay} 至 ${chinaDay()} · 2.0 小时` }).waitFor();
    const proofId = (await requested.getAttribute('data-proof-id'))!;

    await open(leader, '/package-volunteer/issue/index');
    const request = on(leader, `.issue__item[data-proof-id="${proofId}"]`);
    await request.filter({ hasText: '王**' }).filter({ hasText: volunteerNo }).waitFor();
    await request.locator('.issue__issue').click();
    await on(leader, '.issue__dialog [data-field="personInCharge"] input').fill('李建华');
    await on(leader, '.issue__dialog [data-field="contact"] input').fill('0571-88886666');
    await on(leader, '.issue__dialog .nut-dialog-footer-ok').click();
    await request.waitFor({ state: 'detached' });
    await on(leader, '.linli-state--empty').waitFor();

    await open(wang, '/package-volunteer/proofs/index');
    const issued = on(wang, `.proofs__item--issued[data-proof-id="${proofId}"]`);
    await issued.filter({ hasText: '已出具' }).waitFor();
    const codeText = issued.locator('.proofs__code-value');
    await codeText.filter({ hasText: /^[A-HJ-NP-Z2-9]{10}$/ }).waitFor();
    code = ((await codeText.textContent()) ?? '').trim();
    await issued.scrollIntoViewIfNeeded();
    await screenshot(wang, 'volunteer-proofs');

    // H5 opens the (signed, short-lived) file link in a new tab. A browser with a PDF viewer
    // shows it there; the headless shell that `npm install` brings (test/support/chromium.ts)
    // has none: the tab's navigation becomes a download, which playwright reports on the page
    // that opened the tab (the empty tab then closes). Either way the link is the one answered
    // and what it brings is the PDF. Whichever of the two does not happen is left unwaited.
    const download = wang.waitForEvent('download');
    download.catch(() => undefined);
    const tab = wang.context().waitForEvent('page');
    const answer = wang.waitForResponse((response) => response.url().endsWith('/api/functions/proofs') && (response.request().postData() ?? '').includes('proofs.download'));
    await issued.locator('.proofs__download').click();
    const body = (await (await answer).json()) as { ok: boolean; data: { url: string; fileName: string } };
    expect(body.ok).toBe(true);
    const opened = await tab;
    const shown = opened.waitForURL(/\/files\/proofs\/pf[0-9a-f]+\.pdf\?/).then(() => null);
    const downloaded = await Promise.race([download, shown.catch(() => download)]);
    let pdf: Buffer;
    if (downloaded) {
      expect(downloaded.url()).toBe(body.data.url);
      pdf = readFileSync(await downloaded.path());
    } else {
      expect(opened.url()).toBe(body.data.url);
      expect(await opened.evaluate(() => document.contentType)).toBe('application/pdf');
      pdf = Buffer.from(await (await fetch(opened.url())).arrayBuffer());
    }
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await opened.close();
  });

  it('anyone, without a session, verifies the code and sees only masked data; a wrong code is not valid', async () => {
    const stranger = await phone(null, 'stranger');
    await open(stranger, `/package-volunteer/verify/index?code=${code}`);
    const verdict = on(stranger, '.verify__result--valid');
    await verdict.filter({ hasText: '证明有效' }).waitFor();
    const facts = on(stranger, '.verify__facts');
    await facts.filter({ hasText: '王**' }).filter({ hasText: MASKED_ID }).filter({ hasText: volunteerNo }).filter({ hasText: GROUP_NAME }).filter({ hasText: '李建华' }).waitFor();
    const text = (await on(stranger, '.verify').first().textContent()) ?? '';
    expect(text).not.toContain(REAL_NAME);
    expect(text).not.toContain(ID_NUMBER);
    expect(stranger.url()).toContain('/package-volunteer/verify/index');
    await screenshot(stranger, 'volunteer-verify');

    const wrong = code.startsWith('Z') ? `Y${code.slice(1)}` : `Z${code.slice(1)}`;
    await on(stranger, '.verify__input input').fill(wrong);
    await on(stranger, '.verify__submit').click();
    await on(stranger, '.verify__result--invalid').filter({ hasText: '未找到有效证明' }).waitFor();
    expect(await on(stranger, '.verify__result--valid').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
  it('the committee calls out volunteers for an emergency; she answers from her inbox and the tally shows her coming', async () => {
    const committeeClient = await Client.signIn(suite.cloud.url, 'demo-committee');
    const committee = await phone(committeeClient, 'demo-committee');
    await open(committee, '/package-staff/rollcall/index');
    await on(committee, '[data-field="title"] input').fill('北门防汛装沙袋');
    await on(committee, '[data-field="description"] textarea').fill('北门低洼处积水，需要装沙袋挡水，请带手套和雨靴。');
    await on(committee, '[data-field="meetingPlace"] input').fill('北苑北门岗亭');
    await on(committee, '.rollcall__submit').click();
    // The tally replaces the form: everyone active in 北苑 with no skill asked for was notified, nobody has answered yet.
    const pending = on(committee, '.rollcall__number--pending .rollcall__number-value');
    await pending.filter({ hasText: /^[1-9]\d*$/ }).waitFor();
    const notified = Number(await on(committee, '.rollcall__number--notified .rollcall__number-value').textContent());
    expect(notified).toBeGreaterThanOrEqual(1);

    await open(wang, '/pages/inbox/index');
    const notice = on(wang, '.inbox__item[data-kind="rollcall"]').filter({ hasText: '北门防汛装沙袋' });
    await notice.click();
    await wang.waitForURL(/package-volunteer\/rollcall\/index/);
    await on(wang, '.rollcall-answer__title').filter({ hasText: '北门防汛装沙袋' }).waitFor();
    await on(wang, '.rollcall-answer__etas [data-value="20"]').click();
    await on(wang, '.rollcall-answer__coming').click();
    await on(wang, '.rollcall-answer__mine--coming').waitFor();
    await screenshot(wang, 'rollcall-answer');

    // The tally, opened again from the committee's list of call-outs, shows her coming.
    const { items } = await dataOf<{ items: Array<{ id: string; title: string }> }>(committeeClient.call('volunteers', 'rollcalls.list', { communityId: 'cm-beiyuan' }, null));
    await open(committee, `/package-staff/rollcall/index?id=${items.find((item) => item.title === '北门防汛装沙袋')!.id}`);
    await on(committee, '.rollcall__comer-name').filter({ hasText: '秀兰阿姨' }).waitFor();
    await on(committee, '.rollcall__number--coming .rollcall__number-value').filter({ hasText: /^1$/ }).waitFor();
    expect(await on(committee, '.rollcall__coming').textContent()).not.toContain(REAL_NAME);
    await screenshot(committee, 'rollcall-tally');
    expect(pageErrors).toEqual([]);
  });
});
