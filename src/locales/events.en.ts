import type eventsZhCN from './events.zh-CN';

/** Activity strings (English); same keys as events.zh-CN.ts. */
const eventsEn: typeof eventsZhCN = {
  title: 'Activities',
};

export default eventsEn;
