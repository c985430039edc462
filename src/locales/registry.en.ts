import type registryZhCN from './registry.zh-CN';

/** Registry strings (English); same keys as registry.zh-CN.ts. */
const registryEn: typeof registryZhCN = {
  title: 'Group management',
};

export default registryEn;
