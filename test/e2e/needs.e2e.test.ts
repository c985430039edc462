/**
 * The needs journey in a real browser (H5 build on a real local cloud, fresh data folder; issue
 * 18 item 7): a resident of 北苑 posts a need on the board's form; the leader of a 北苑 group
 * finds it on the board (without the address), takes it on for the group and then sees the
 * address; the resident accepts; the leader marks it done with a photo; the resident thanks and
 * rates it; the leader confirms the hours in the review queue, and the hours and credits land once.
 * Every wait is on a condition, never a fixed delay.
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { userIdOf } from '../../cloudfunctions/_core/repositories/users';
import { browserSuite, choose, newPhone, on, openRoute, screenshot } from '../support/browser';
import { allDocsOf, createGroup, databaseOf, type Db } from '../support/fixtures';
import { Client, dataOf } from '../support/localCloud';
import { idFor, registerVolunteer } from '../support/volunteers';

const suite = browserSuite();
jest.setTimeout(240_000);

/** A real (if plain) photo: the H5 image picker loads what is chosen, and drops what it cannot decode. */
const PHOTO = PNG.sync.write(new PNG({ width: 16, height: 16 }));
const WHAT = '帮忙去药店买降压药，腿脚不便';
const PLACE = '北苑小区 3 栋 2 单元 501';

let db: Db;
const pageErrors: string[] = [];
const phone = (client: Client, who: string) => newPhone(suite.browser, client.token, who, pageErrors);
const open = (page: Page, route: string) => openRoute(page, suite.cloud.url, route);

beforeAll(() => {
  db = databaseOf(suite.cloud);
});

describe('the needs board: post, take on, done with a photo, thanks, hours (H5 on the local cloud)', () => {
  let resident: Page;
  let leader: Page;
  let leaderClient: Client;
  let needId = '';

  it('a resident posts a need on the form', async () => {
    const residentClient = await Client.signIn(suite.cloud.url, 'e2e-need-li', '李奶奶');
    await dataOf(residentClient.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' }));
    resident = await phone(residentClient, 'resident');
    await open(resident, '/package-needs/post/index');
    await on(resident, '[data-field="what"] textarea').fill(WHAT);
    await choose(resident, '[data-field="category"] [data-value="errands"]');
    await on(resident, '[data-field="place"] input').fill(PLACE);
    await on(resident, '[data-field="phone"] input').fill('13900001111');
    await on(resident, '.needs-post__submit').click();
    await on(resident, '.need-detail__card--open').waitFor();
    await on(resident, '.need-detail__place').filter({ hasText: PLACE }).waitFor();
    const [stored] = await allDocsOf<{ _id: string }>(db, 'needs', { userId: userIdOf('e2e-need-li') });
    needId = stored!._id;
  });

  it("a group's leader finds it on the board without the address and takes it on for the group", async () => {
    const groupId = await createGroup(db, { leader: 'e2e-need-leader', members: ['e2e-need-helper'] });
    leaderClient = await Client.signIn(suite.cloud.url, 'e2e-need-leader', '周队长');
    await dataOf(leaderClient.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' }));
    await registerVolunteer(leaderClient, idFor('19750505', '313'));
    leader = await phone(leaderClient, 'leader');
    await open(leader, '/package-needs/board/index');
    const card = on(leader, `.needs-card[data-need-id="${needId}"]`);
    await card.waitFor();
    expect(await card.textContent()).not.toContain('3 栋');
    await screenshot(leader, 'needs-board');
    await card.click();
    await on(leader, '.need-detail__claim-group').waitFor();
    expect(await on(leader, '.need-detail__place').textContent()).not.toContain('3 栋');
    await on(leader, '.need-detail__claim-group').click();
    await on(leader, '.need-detail__card--claimed').waitFor();
    await on(leader, '.need-detail__place').filter({ hasText: PLACE }).waitFor();
    expect(groupId).toBeTruthy();
  });

  it('the resident accepts; the leader marks it done with a photo; the resident thanks and rates it', async () => {
    await open(resident, `/package-needs/detail/index?id=${needId}`);
    await on(resident, '.need-detail__accept').click();
    await on(resident, '.need-detail__card--accepted').waitFor();

    await open(leader, `/package-needs/detail/index?id=${needId}`);
    await on(leader, '.need-detail__done').waitFor();
    const chooser = leader.waitForEvent('filechooser');
    await on(leader, '.need-detail__done .linli-photo--add').click();
    await (await chooser).setFiles({ name: 'service.png', mimeType: 'image/png', buffer: PHOTO });
    await on(leader, '.need-detail__done .linli-photo__img').waitFor();
    // One row per member of the group: the leader served 90 minutes, the other member did not come.
    await on(leader, `.need-helpers__row[data-helper-id="${userIdOf('e2e-need-leader')}"] input`).fill('90');
    await on(leader, `.need-helpers__row[data-helper-id="${userIdOf('e2e-need-helper')}"]`).waitFor();
    await on(leader, '.need-detail__done-submit').click();
    await on(leader, '.need-detail__card--done').waitFor();

    await open(resident, `/package-needs/detail/index?id=${needId}`);
    await on(resident, '.need-detail__thank').waitFor();
    await choose(resident, '[data-field="rating"] [data-value="5"]');
    await on(resident, '[data-field="words"] textarea').fill('谢谢周队长，药买到了');
    await on(resident, '.need-detail__thank-submit').click();
    await on(resident, '.need-detail__card--thanked').waitFor();
    await screenshot(resident, 'needs-thanked');
  });

  it("the leader confirms the helper's hours; hours and credits land once", async () => {
    const [record] = await allDocsOf<{ _id: string; state: string; minutes: number }>(db, 'hour_records', { source: 'need', userId: userIdOf('e2e-need-leader') });
    expect(record).toMatchObject({ state: 'pending', minutes: 90 });
    // The leader cannot confirm her own hours: the committee does (nobody reviews their own).
    const committee = await Client.signIn(suite.cloud.url, 'demo-committee');
    expect(await dataOf(committee.call('volunteers', 'hours.review', { recordId: record!._id, approve: true }))).toEqual({ state: 'confirmed' });
    expect((await committee.call('volunteers', 'hours.review', { recordId: record!._id, approve: true })).status).toBe(409);
    const credits = await dataOf<{ balance: number }>(leaderClient.call('credits', 'credits.mine', {}, null));
    expect(credits.balance).toBe(15);
    expect(pageErrors).toEqual([]);
  });
});
