/** Cloud function `posts`: group announcements, with images shown once checked. */
import { checkPendingImages } from '../../_core/commands/posts/checkPendingImages';
import { createPost } from '../../_core/commands/posts/create';
import { listPosts } from '../../_core/commands/posts/list';
import { removePost } from '../../_core/commands/posts/remove';
import { recordMediaVerdict } from '../../_core/ports/imageCheck';
import { createHandler } from '../../_core/pipeline/createHandler';
import { postsActions } from '../../../src/shared/api/posts';

export const main = createHandler({
  fn: 'posts',
  contract: postsActions,
  actions: {
    'posts.create': async ({ actor, input, requestId, now }) => createPost(actor, input, requestId!, now),
    'posts.list': async ({ actor, input }) => listPosts(actor, input.groupId, input.offset, input.limit),
    'posts.remove': async ({ actor, input, requestId, now }) => {
      await removePost(actor, input.postId, input.reason, requestId!, now);
      return { removed: true };
    },
  },
  timers: { checkPendingImages: async () => checkPendingImages() },
  // WeChat's asynchronous image verdicts (message push; see ports/imageCheck.ts).
  pushEvents: { wxa_media_check: recordMediaVerdict },
});
