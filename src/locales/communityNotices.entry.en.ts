/** English twin of communityNotices.entry.zh-CN.ts. */
import type communityNoticesEntryZhCN from './communityNotices.entry.zh-CN';

const communityNoticesEntryEn: typeof communityNoticesEntryZhCN = {
  kinds: {
    water_power: 'Water & power',
    health: 'Health',
    weather: 'Weather warning',
    safety: 'Safety',
    general: 'Community news',
  },
  pin: {
    label: 'Urgent notice',
    open: 'Read more',
    dismiss: 'Got it',
    dismissLabel: 'Close the urgent notice: {title}',
  },
};

export default communityNoticesEntryEn;
