/**
 * The contract slice of the cloud function `notices` (cloudfunctions/notices/): committee
 * notices to every resident of a community, their read counts, the home page's pin, and the
 * residents' consent to a subscribe message for them.
 */
import {
  NoticeReadCounts,
  NoticesDismissInput,
  NoticesDismissOutput,
  NoticesGetInput,
  NoticesListInput,
  NoticesListOutput,
  NoticesPinnedInput,
  NoticesPinnedOutput,
  NoticesPostInput,
  NoticesReadCountsInput,
  NoticesSubscribeInput,
  NoticesSubscribeOutput,
  NoticesUpdateInput,
  NoticesWithdrawInput,
  NoticeView,
} from '../schemas/notices';
import { action, type ActionSpec } from './actionSpec';

export const noticesActions = {
  'notices.post': action({ fn: 'notices', input: NoticesPostInput, output: NoticeView, mutation: true, audience: 'staff', rateLimit: { limit: 30, windowSeconds: 3600 } }),
  'notices.update': action({ fn: 'notices', input: NoticesUpdateInput, output: NoticeView, mutation: true, audience: 'staff', rateLimit: { limit: 60, windowSeconds: 3600 } }),
  'notices.withdraw': action({ fn: 'notices', input: NoticesWithdrawInput, output: NoticeView, mutation: true, audience: 'staff' }),
  'notices.list': action({ fn: 'notices', input: NoticesListInput, output: NoticesListOutput, mutation: false, audience: 'staff' }),
  'notices.readCounts': action({ fn: 'notices', input: NoticesReadCountsInput, output: NoticeReadCounts, mutation: false, audience: 'staff' }),
  'notices.get': action({
    fn: 'notices',
    input: NoticesGetInput,
    output: NoticeView,
    mutation: false,
    audience: 'signed-in',
  }),
  'notices.pinned': action({ fn: 'notices', input: NoticesPinnedInput, output: NoticesPinnedOutput, mutation: false, audience: 'signed-in' }),
  'notices.dismiss': action({ fn: 'notices', input: NoticesDismissInput, output: NoticesDismissOutput, mutation: true, audience: 'signed-in' }),
  'notices.subscribe': action({
    fn: 'notices',
    input: NoticesSubscribeInput,
    output: NoticesSubscribeOutput,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 30, windowSeconds: 3600 },
  }),
} as const satisfies Record<string, ActionSpec>;
