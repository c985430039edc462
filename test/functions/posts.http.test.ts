/** The posts function over HTTP: leaders post, images shown only after the content check, unsafe text refused, posting rate limited. */
import type { PostView } from '../../src/shared/schemas/posts';
import { cloudPerFile } from '../support/cloudPerFile';
import { snapshotDatabase } from '../support/dbSnapshot';
import { createGroup, type Db } from '../support/fixtures';
import { Client, dataOf as data, type RunningCloud } from '../support/localCloud';
import { waitFor } from '../support/wechat';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

describe('posts', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

  test('leaders post; members see text at once and images only after the check; unsafe text is refused', async () => {
    const leader = await Client.signIn(cloud.url, 'post-leader');
    const member = await Client.signIn(cloud.url, 'post-member');
    const groupId = await createGroup(db, { leader: 'post-leader', members: ['post-member'] });
    const { default: tcb } = await import('@cloudbase/node-sdk');
    const app = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${cloud.url}/tcb/admin` });
    const good = (await app.uploadFile({ cloudPath: `posts/${groupId}/a.png`, fileContent: PNG })).fileID!;
    const fake = (await app.uploadFile({ cloudPath: `posts/${groupId}/b.png`, fileContent: Buffer.from('not an image') })).fileID!;

    const before = snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users']);
    const risky = await leader.call('posts', 'posts.create', { groupId, text: '招募刷单兼职，日结' });
    expect([risky.status, risky.body]).toEqual([400, { ok: false, error: { code: 'CONTENT_REJECTED', message: 'text: 内容含有违规信息，无法发布', reason: 'content.rejected', params: { field: 'text' }, issues: [{ path: 'text', message: '内容含有违规信息，无法发布' }] } }]);
    const review = await leader.call('posts', 'posts.create', { groupId, text: '滚蛋吧不守规矩的人' });
    expect([review.status, !review.body.ok && review.body.error.code]).toEqual([400, 'CONTENT_REVIEW']);
    expect(snapshotDatabase(cloud.dataDir, ['idempotency', 'rate_limits', 'users'])).toBe(before);
    expect((await member.call('posts', 'posts.create', { groupId, text: '大家好' })).status).toBe(403);

    const post = await data<PostView>(leader.call('posts', 'posts.create', { groupId, text: '周六上午九点北苑广场集合，带好水杯。', images: [good, fake] }));
    expect(post).toMatchObject({ images: [], imagesPending: 2, author: { nickname: '新居民' } });
    const seenEarly = await data<{ items: PostView[] }>(member.call('posts', 'posts.list', { groupId }, null));
    expect(seenEarly.items[0]).toMatchObject({ text: '周六上午九点北苑广场集合，带好水杯。', images: [], imagesPending: 0 });

    // The timer submits both images to mediaCheckAsync; WeChat pushes the verdicts to the posts
    // function later (here the emulated WeChat, at once), and a later run of the timer applies them.
    const fire = async () => (await fetch(`${cloud.url}/api/dev/timers/posts/checkPendingImages`, { method: 'POST' })).json();
    expect(await fire()).toMatchObject({ ok: true, result: { checked: 2 } });
    expect((await data<{ items: PostView[] }>(leader.call('posts', 'posts.list', { groupId }, null))).items[0]).toMatchObject({ imagesPending: 2 });
    await waitFor(async () => {
      await fire();
      return (await data<{ items: PostView[] }>(leader.call('posts', 'posts.list', { groupId }, null))).items[0]!.imagesPending === 0;
    });
    const seenLater = await data<{ items: PostView[] }>(member.call('posts', 'posts.list', { groupId }, null));
    expect(seenLater.items[0]!.images).toHaveLength(1);
    const image = await fetch(encodeURI(seenLater.items[0]!.images[0]!));
    expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG);

    expect((await member.call('posts', 'posts.remove', { postId: post.id })).status).toBe(403);
    expect(await data(leader.call('posts', 'posts.remove', { postId: post.id }))).toEqual({ removed: true });
    expect((await data<{ items: PostView[] }>(member.call('posts', 'posts.list', { groupId }, null))).items).toEqual([]);
  });

  test('posting is rate limited', async () => {
    const leader = await Client.signIn(cloud.url, 'post-spammer');
    const groupId = await createGroup(db, { leader: 'post-spammer' });
    const codes: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const { body } = await leader.call('posts', 'posts.create', { groupId, text: `第 ${i} 条通知` });
      codes.push(body.ok ? 'OK' : body.error.code);
    }
    expect(codes).toContain('RATE_LIMITED');
    expect(codes.filter((c) => c === 'OK').length).toBeGreaterThanOrEqual(10);
  });
});
