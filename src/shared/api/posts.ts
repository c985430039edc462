/**
 * The contract slice of the cloud function `posts` (cloudfunctions/posts/):
 * group announcements, with images shown once checked.
 */
import { PostsCreateInput, PostsListInput, PostsListOutput, PostsRemoveInput, PostsRemoveOutput, PostView } from '../schemas/posts';
import { action, type ActionSpec } from './actionSpec';

export const postsActions = {
  'posts.create': action({
    fn: 'posts',
    input: PostsCreateInput,
    output: PostView,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 10, windowSeconds: 60 },
  }),
  'posts.list': action({
    fn: 'posts',
    input: PostsListInput,
    output: PostsListOutput,
    mutation: false,
    audience: 'signed-in',
  }),
  'posts.remove': action({
    fn: 'posts',
    input: PostsRemoveInput,
    output: PostsRemoveOutput,
    mutation: true,
    audience: 'signed-in',
  }),
} as const satisfies Record<string, ActionSpec>;
