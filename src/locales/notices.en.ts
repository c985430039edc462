import type noticesZhCN from './notices.zh-CN';

/** Notice strings (English); same keys as notices.zh-CN.ts. */
const noticesEn: typeof noticesZhCN = {
  subscribe: {
    topics: {
      reminder: 'activity reminders',
      offer: 'waitlist offers',
      rollcall: 'call-outs',
      groupReview: 'review results',
      joinDecision: 'review results',
    },
    accepted: 'Subscribed: {topics}',
    declined: 'Not subscribed to {topics}; the result will be kept in Messages',
  },
  failures: {
    title: 'Undelivered messages',
    intro: 'Subscribe messages WeChat did not deliver in the last 7 days (each is kept in the in-app Messages).',
    total: '{count} in all',
    counted: 'Counts below cover the latest {count}',
    byKind: 'By message type',
    byError: 'By reason',
    latest: 'Latest failures',
    empty: 'No undelivered messages in the last 7 days',
    recipient: 'To {name}',
    open: 'Undelivered messages',
    errors: {
      '43101': 'Not subscribed, or no subscription left',
      '40003': 'Invalid recipient openid',
      '45009': 'WeChat rate limit reached',
      '47003': 'Template data not accepted',
      '-1': 'WeChat did not answer (timeout or gateway error)',
      '-2': 'Paused while WeChat was unreachable',
      other: 'Other error ({code})',
    },
    kinds: {
      other: 'Other ({kind})',
    },
  },
  nutui: {
    placeholder: 'Please enter',
    select: 'Please choose',
    confirm: 'Confirm',
    cancel: 'Cancel',
    noData: 'No data',
    loadMoreText: 'No more',
  },
};

export default noticesEn;
