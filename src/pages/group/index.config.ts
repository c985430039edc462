import zhCN from '../../locales/zh-CN';

export default definePageConfig({
  navigationBarTitleText: zhCN.titles.group,
  // The share card (weapp): see useShareAppMessage in index.tsx.
  enableShareAppMessage: true,
});
