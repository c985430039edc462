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
    // Starts with the visible words (WCAG 2.5.3 Label in Name: a voice user says what she sees).
    dismissLabel: 'Got it: close the urgent notice {title}',
  },
};

export default communityNoticesEntryEn;
