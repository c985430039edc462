import registryZhCN from '../../locales/registry.zh-CN';

export default definePageConfig({
  navigationBarTitleText: registryZhCN.titles.invite,
  // The share card carries the invite path (useShareAppMessage in index.tsx).
  enableShareAppMessage: true,
});
