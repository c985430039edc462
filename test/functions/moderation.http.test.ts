/** Reports, auto-hide, the moderation queue, notices, appeals, the audit log, dashboards and exports. */
import ExcelJS from 'exceljs';
import type { CaseView } from '../../src/shared/schemas/moderation';
import type { DashboardOutput, ExportOutput } from '../../src/shared/schemas/console';
import type { PostView } from '../../src/shared/schemas/posts';
import { snapshotDatabase } from '../support/dbSnapshot';
import { createGroup, createPost, databaseOf, grantRole, type Db } from '../support/fixtures';
import { Client, dataOf, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

let cloud: RunningCloud;
let db: Db;
beforeAll(async () => {
  cloud = await startCloud();
  db = databaseOf(cloud);
});
afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

const data = dataOf;

test('three reports hide a post; the committee keeps it hidden with a reason; the author appeals; the street restores it', async () => {
  const author = await Client.signIn(cloud.url, 'mod-author');
  const groupId = await createGroup(db, { leader: 'mod-author', members: ['mod-r1', 'mod-r2', 'mod-r3'] });
  const postId = await createPost(db, groupId, 'mod-author');
  const [r1, r2, r3] = await Promise.all(['mod-r1', 'mod-r2', 'mod-r3'].map((id) => Client.signIn(cloud.url, id)));
  expect(await data(r1!.call('moderation', 'reports.create', { targetType: 'post', targetId: postId, reason: 'spam' }))).toEqual({ reported: true, hidden: false });
  const again = await r1!.call('moderation', 'reports.create', { targetType: 'post', targetId: postId, reason: 'offensive' });
  expect([again.status, !again.body.ok && again.body.error.message]).toEqual([409, '你已经举报过该内容，我们会尽快处理']);
  const own = await author.call('moderation', 'reports.create', { targetType: 'post', targetId: postId, reason: 'spam' });
  expect(own.status).toBe(409);
  expect((await data<{ hidden: boolean }>(r2!.call('moderation', 'reports.create', { targetType: 'post', targetId: postId, reason: 'spam' }))).hidden).toBe(false);
  expect((await data<{ hidden: boolean }>(r3!.call('moderation', 'reports.create', { targetType: 'post', targetId: postId, reason: 'other', text: '像是诈骗信息' }))).hidden).toBe(true);
  expect((await data<{ items: PostView[] }>(r1!.call('posts', 'posts.list', { groupId }, null))).items).toEqual([]);

  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const queue = await data<{ items: CaseView[] }>(committee.call('moderation', 'moderation.queue', {}, null));
  const found = queue.items.find((c) => c.targetId === postId)!;
  expect(found).toMatchObject({ targetType: 'post', reportCount: 3, autoHidden: true, state: 'hidden', reasons: { spam: 2, other: 1 } });
  expect(found.abilities).toContain('moderation.decide');

  // Staff of another community see nothing and can do nothing here.
  const stranger = await Client.signIn(cloud.url, 'mod-other-committee');
  await grantRole(db, 'mod-other-committee', 'committee', 'cm-taoyuan');
  expect((await data<{ items: CaseView[] }>(stranger.call('moderation', 'moderation.queue', {}, null))).items.map((c) => c.id)).not.toContain(found.id);
  const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users']);
  expect((await stranger.call('moderation', 'moderation.decide', { caseId: found.id, action: 'restore', reason: '越权试试' })).status).toBe(404);
  expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users'])).toBe(before);

  await data(committee.call('moderation', 'moderation.decide', { caseId: found.id, action: 'hide', reason: '含有虚假中奖信息' }));
  const inbox = await data<{ items: Array<{ kind: string; body: string; link: string | null }> }>(author.call('inbox', 'inbox.list', {}, null));
  // The notice opens the author's notices page (a page the app has), with this case first.
  expect(inbox.items[0]).toMatchObject({ kind: 'moderation', link: `package-me/notices/index?id=${found.id}` });
  expect(inbox.items[0]!.body).toContain('含有虚假中奖信息');
  const mine = await data<{ items: CaseView[] }>(author.call('moderation', 'moderation.mine', {}, null));
  expect(mine.items[0]!.abilities).toContain('moderation.appeal');
  await data(author.call('moderation', 'moderation.appeal', { caseId: found.id, text: '这是社区真实的活动通知，并非诈骗。' }));
  const twice = await author.call('moderation', 'moderation.appeal', { caseId: found.id, text: '再申诉一次试试看。' });
  expect(twice.status).toBe(403);
  // The committee member who decided cannot judge her own decision.
  expect((await committee.call('moderation', 'moderation.decideAppeal', { caseId: found.id, uphold: true, reason: '维持' })).status).toBe(403);
  const street = await Client.signIn(cloud.url, 'demo-street');
  const appeals = await data<{ items: CaseView[] }>(street.call('moderation', 'moderation.queue', { state: 'appealed' }, null));
  expect(appeals.items.map((c) => c.id)).toContain(found.id);
  await data(street.call('moderation', 'moderation.decideAppeal', { caseId: found.id, uphold: false, reason: '核实为真实活动通知' }));
  const decided = await data<{ items: Array<{ kind: string; link: string | null }> }>(author.call('inbox', 'inbox.list', {}, null));
  expect(decided.items[0]).toMatchObject({ kind: 'appeal', link: `package-me/notices/index?id=${found.id}` });
  expect((await data<{ items: PostView[] }>(r1!.call('posts', 'posts.list', { groupId }, null))).items.map((p) => p.id)).toEqual([postId]);

  const log = await data<{ items: Array<{ action: string; staff: { nickname: string }; reason: string | null }> }>(street.call('console', 'audit.search', { regionId: 'st-chengguan', targetId: postId }, null));
  expect(log.items.map((e) => e.action)).toEqual(['moderation.appeal.overturn', 'moderation.hide']);
  expect(log.items.map((e) => e.staff.nickname)).toEqual(['陈科长', '张主任']);
  expect((await stranger.call('console', 'audit.search', { regionId: 'st-chengguan' }, null)).status).toBe(404);

  // The export holds what the search shows: this post's two decisions, nothing else of the street.
  // A small export is done within the call that starts it.
  const { file: exported } = await data<ExportOutput>(street.call('console', 'dashboard.export', { regionId: 'st-chengguan', kind: 'audit', targetId: postId }));
  if (!exported) throw new Error('a two-row export should be done at once');
  expect(exported.rows).toBe(2);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await (await fetch(encodeURI(exported.url))).arrayBuffer());
  expect(book.worksheets[0]!.getColumn(4).values.slice(2)).toEqual([`post:${postId}`, `post:${postId}`]);
});

test('staff read each reporter\'s words, masked; restore only what is hidden; a report found unfounded closes without action', async () => {
  const [r1, r2, r3] = await Promise.all([
    Client.signIn(cloud.url, 'modd-r1', '赵明亮'),
    Client.signIn(cloud.url, 'modd-r2', '孙丽'),
    Client.signIn(cloud.url, 'modd-r3', '周强'),
  ]);
  const author = await Client.signIn(cloud.url, 'modd-author', '钱多多');
  const groupId = await createGroup(db, { leader: 'modd-author', members: ['modd-r1', 'modd-r2', 'modd-r3'] });
  const postId = await createPost(db, groupId, 'modd-author');
  await data(r1.call('moderation', 'reports.create', { targetType: 'post', targetId: postId, reason: 'spam' }));
  await data(r2.call('moderation', 'reports.create', { targetType: 'post', targetId: postId, reason: 'other', text: '看起来像保健品广告' }));

  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const openCase = async () => (await data<{ items: CaseView[] }>(committee.call('moderation', 'moderation.queue', { limit: 50 }, null))).items.find((c) => c.targetId === postId);
  const found = (await openCase())!;
  expect(found).toMatchObject({ state: 'open', itemHidden: false, reportCount: 2, reasons: { spam: 1, other: 1 } });
  // Newest first, each with its time; the reporter is a first character and ＊, never the name.
  expect(found.reports.map(({ reason, text, reporter }) => ({ reason, text, reporter }))).toEqual([
    { reason: 'other', text: '看起来像保健品广告', reporter: '孙＊' },
    { reason: 'spam', text: null, reporter: '赵＊' },
  ]);
  expect(found.reports.every((r) => !Number.isNaN(Date.parse(r.at)))).toBe(true);
  expect(JSON.stringify(found)).not.toMatch(/赵明亮|孙丽|modd-r/);
  expect(found.abilities).toEqual(expect.arrayContaining(['moderation.decide', 'moderation.dismiss']));
  expect(found.abilities).not.toContain('moderation.restore');

  // Nothing is hidden: restore has nothing to do and writes nothing.
  const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users']);
  const restore = await committee.call('moderation', 'moderation.decide', { caseId: found.id, action: 'restore', reason: '试试恢复' });
  expect([restore.status, !restore.body.ok && restore.body.error]).toEqual([409, { code: 'CONFLICT', message: '该内容正在正常显示，无需恢复', reason: 'moderation.nothing_to_restore' }]);
  expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users'])).toBe(before);

  await data(committee.call('moderation', 'moderation.decide', { caseId: found.id, action: 'dismiss', reason: '经核实为正常的社区通知' }));
  expect(await openCase()).toBeUndefined();
  const all = await data<{ items: CaseView[] }>(committee.call('moderation', 'moderation.queue', { state: 'all', limit: 50 }, null));
  const dismissed = all.items.find((c) => c.id === found.id)!;
  expect(dismissed).toMatchObject({ state: 'dismissed', itemHidden: false, lastDecision: { action: 'dismiss', reason: '经核实为正常的社区通知', byMe: true } });
  expect(dismissed.abilities).not.toContain('moderation.dismiss');
  // The post stays in its group.
  expect((await data<{ items: PostView[] }>(r1.call('posts', 'posts.list', { groupId }, null))).items.map((p) => p.id)).toEqual([postId]);

  // Each reporter hears the outcome, not who decided it; the author has nothing to read or appeal.
  for (const reporter of [r1, r2]) {
    const inbox = await data<{ items: Array<{ kind: string; title: string; body: string }> }>(reporter.call('inbox', 'inbox.list', {}, null));
    expect(inbox.items[0]).toMatchObject({ kind: 'report', title: '你的举报已处理' });
    expect(inbox.items[0]!.body).toContain('未发现违规');
    expect(JSON.stringify(inbox.items)).not.toMatch(/张主任|经核实为正常的社区通知/);
  }
  expect((await data<{ items: CaseView[] }>(author.call('moderation', 'moderation.mine', {}, null))).items).toEqual([]);
  expect((await author.call('moderation', 'moderation.appeal', { caseId: found.id, text: '我想申诉这个决定。' })).status).toBe(403);

  const again = await committee.call('moderation', 'moderation.decide', { caseId: found.id, action: 'dismiss', reason: '再来一次' });
  expect([again.status, !again.body.ok && again.body.error.message]).toEqual([409, '该内容没有待处理的举报']);
  const log = await data<{ items: Array<{ action: string; reason: string | null }> }>(committee.call('console', 'audit.search', { regionId: 'cm-beiyuan', targetId: postId }, null));
  expect(log.items.map((e) => [e.action, e.reason])).toEqual([['moderation.dismiss', '经核实为正常的社区通知']]);

  // A new report after the dismissal brings the case back to the open queue.
  await data(r3.call('moderation', 'reports.create', { targetType: 'post', targetId: postId, reason: 'offensive', text: '言语不文明' }));
  const reopened = (await openCase())!;
  expect(reopened.reports[0]).toMatchObject({ reason: 'offensive', text: '言语不文明', reporter: '周＊' });
  expect(reopened.abilities).toContain('moderation.dismiss');
});

test('an auto-hidden item found unfounded is visible again; restore is offered while it is hidden', async () => {
  const groupId = await createGroup(db, { leader: 'modh-author', members: ['modh-r1', 'modh-r2', 'modh-r3'] });
  const postId = await createPost(db, groupId, 'modh-author');
  const reporters = await Promise.all(['modh-r1', 'modh-r2', 'modh-r3'].map((id) => Client.signIn(cloud.url, id)));
  for (const r of reporters) await data(r.call('moderation', 'reports.create', { targetType: 'post', targetId: postId, reason: 'spam' }));
  expect((await data<{ items: PostView[] }>(reporters[0]!.call('posts', 'posts.list', { groupId }, null))).items).toEqual([]);
  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const found = (await data<{ items: CaseView[] }>(committee.call('moderation', 'moderation.queue', {}, null))).items.find((c) => c.targetId === postId)!;
  expect(found).toMatchObject({ state: 'hidden', itemHidden: true, autoHidden: true });
  expect(found.abilities).toEqual(expect.arrayContaining(['moderation.restore', 'moderation.dismiss']));
  expect(found.reports).toHaveLength(3);
  await data(committee.call('moderation', 'moderation.decide', { caseId: found.id, action: 'dismiss', reason: '误报，内容正常' }));
  expect((await data<{ items: PostView[] }>(reporters[0]!.call('posts', 'posts.list', { groupId }, null))).items.map((p) => p.id)).toEqual([postId]);
  const after = (await data<{ items: CaseView[] }>(committee.call('moderation', 'moderation.queue', { state: 'all', limit: 50 }, null))).items.find((c) => c.id === found.id)!;
  expect(after).toMatchObject({ state: 'dismissed', itemHidden: false });
  expect(after.abilities).not.toContain('moderation.restore');
});

test('a reported group is hidden from discovery and restored by the committee', async () => {
  const groupId = await createGroup(db, { leader: 'modg-leader', joinPolicy: 'open' });
  const reporters = await Promise.all(['modg-1', 'modg-2', 'modg-3'].map((id) => Client.signIn(cloud.url, id)));
  for (const r of reporters) await r.call('account', 'account.updateProfile', { homeCommunityId: 'cm-beiyuan' });
  const listed = async () => (await data<{ items: Array<{ id: string }> }>(reporters[0]!.call('groups', 'groups.list', { area: 'community', limit: 50 }, null))).items.map((g) => g.id);
  expect(await listed()).toContain(groupId);
  for (const r of reporters) await data(r.call('moderation', 'reports.create', { targetType: 'group', targetId: groupId, reason: 'off_topic' }));
  expect(await listed()).not.toContain(groupId);
  const committee = await Client.signIn(cloud.url, 'demo-committee');
  const queue = await data<{ items: CaseView[] }>(committee.call('moderation', 'moderation.queue', {}, null));
  await data(committee.call('moderation', 'moderation.decide', { caseId: queue.items.find((c) => c.targetId === groupId)!.id, action: 'restore', reason: '经核实无问题' }));
  expect(await listed()).toContain(groupId);
});

test('dashboards add up to the seeded county; targets follow ratings and hubs; exports are real workbooks', async () => {
  const fresh = await startCloud();
  try {
    const countyFresh = await Client.signIn(fresh.url, 'demo-county');
    const summary = await data<DashboardOutput>(countyFresh.call('console', 'dashboard.summary', { regionId: 'cty-linxi' }, null));
    expect(summary.groups.total).toBe(12);
    expect(summary.groups.pendingReview).toBe(1);
    expect(summary.groups.byType).toEqual({ culture_sports: 3, mutual_aid: 1, safety: 2, hub: 2, service: 1, charity: 2, rural_tech: 1 });
    expect(summary.groups.byLevel).toEqual({ community: 6, filed: 3, registered: 3 });
    expect(summary.members).toBe(4 + 2 + 2 + 1 + 2 + 2 + 2 + 1 + 1 + 2 + 1 + 1);
    expect(summary.targets.streetsWithHub).toMatchObject({ count: 2, of: 2, share: 1, goal: 0.7 });
    expect(summary.targets.ruralCommunitiesWithExcellentTeam).toMatchObject({ count: 0, of: 3 });
    expect(summary.byChild.map((c) => [c.id, c.groups]).sort()).toEqual([['st-chengguan', 8], ['st-taoyuan', 4]]);
    await data(countyFresh.call('groups', 'groups.rate', { groupId: 'g-taoyuan-guoshu', year: new Date().getUTCFullYear(), excellent: true }));
    const rated = await data<DashboardOutput>(countyFresh.call('console', 'dashboard.summary', { regionId: 'cty-linxi' }, null));
    expect(rated.targets.ruralCommunitiesWithExcellentTeam).toMatchObject({ count: 1, of: 3 });
    const street = await Client.signIn(fresh.url, 'demo-street');
    expect((await data<DashboardOutput>(street.call('console', 'dashboard.summary', { regionId: 'st-chengguan' }, null))).groups.total).toBe(8);
    expect((await street.call('console', 'dashboard.summary', { regionId: 'st-taoyuan' }, null)).status).toBe(404);

    const { file: exported } = await data<ExportOutput>(countyFresh.call('console', 'dashboard.export', { regionId: 'cty-linxi', kind: 'groups' }));
    if (!exported) throw new Error('the seeded county export should be done at once');
    expect(exported.rows).toBe(13);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await fetch(encodeURI(exported.url))).arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(14);
    expect(sheet.getRow(1).values).toContain('管理层级');
    const names = sheet.getColumn(1).values.slice(2);
    expect(names).toContain('北苑晨练太极队');
  } finally {
    await fresh.stop();
    removeDataDir(fresh.dataDir);
  }
});
