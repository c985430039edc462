/**
 * The console function's audit log (`audit.search`) over the HTTP face: staff work on hours, the
 * store and volunteers' records is found in it. The work is done here, on this file's own cloud
 * (moved from volunteers.http.test.ts, issue 17, where it read what earlier tests had written).
 */
import type { RedemptionView, StoreItemView } from '../../src/shared/schemas/credits';
import type { HourRecordView } from '../../src/shared/schemas/volunteers';
import { cloudPerFile } from '../support/cloudPerFile';
import type { Db } from '../support/fixtures';
import { Client, dataOf as data, type RunningCloud } from '../support/localCloud';
import { idFor, volunteerWithCredits } from '../support/volunteers';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

/**
 * In 北苑, by its leader and committee: a self-report reviewed, a correction reviewed, an item
 * put in the store and a redemption fulfilled, a volunteer's record read in full.
 */
async function staffWorkInBeiyuan(): Promise<void> {
  const { volunteer, profile, leader, groupId } = await volunteerWithCredits(cloud.url, db, { volunteer: 'aud-vol', leader: 'aud-leader', idNumber: idFor('19800101', '232'), creditsPerHour: 30 });
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const report = await data<HourRecordView>(volunteer.call('volunteers', 'hours.selfReport', { groupId, serviceDate: today, minutes: 45, content: '帮独居老人买菜送药', evidence: 'cloud://local/uploads/a/b.jpg' }));
  await data(leader.call('volunteers', 'hours.review', { recordId: report.id, approve: true }));
  const hours = await data<{ records: { items: HourRecordView[] } }>(volunteer.call('volunteers', 'hours.mine', {}, null));
  // The record of the confirmed attendance (not the self-report).
  const entry = hours.records.items.find((r) => r.source !== 'self_report')!;
  const { correctionId } = await data<{ correctionId: string }>(volunteer.call('volunteers', 'hours.requestCorrection', { recordId: entry.id, minutes: 150, reason: '我一直服务到活动结束' }));
  await data(leader.call('volunteers', 'hours.reviewCorrection', { correctionId, approve: true }));

  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const bag = await data<StoreItemView>(committee.call('credits', 'store.saveItem', { communityId: 'cm-beiyuan', name: '环保购物袋', cost: 25, stock: 3, perPersonLimit: 2 }));
  const redemption = await data<RedemptionView>(volunteer.call('credits', 'store.redeem', { itemId: bag.id }));
  await data(committee.call('credits', 'store.fulfil', { communityId: 'cm-beiyuan', pickupCode: redemption.pickupCode }));
  await data(committee.call('volunteers', 'volunteers.get', { volunteerNo: profile.volunteerNo }, null));
}

test('staff work on hours, the store and settings is in the audit log', async () => {
  await staffWorkInBeiyuan();
  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const log = await data<{ items: Array<{ action: string; targetType: string }> }>(committee.call('console', 'audit.search', { regionId: 'cm-beiyuan', limit: 50 }, null));
  const actions = new Set(log.items.map((e) => `${e.action}:${e.targetType}`));
  for (const expected of ['hours.review:hour_record', 'hours.reviewCorrection:correction', 'store.saveItem:store_item', 'store.fulfil:redemption', 'volunteer.read:user']) {
    expect([expected, actions.has(expected)]).toEqual([expected, true]);
  }
});
